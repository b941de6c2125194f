package dev.pairingworker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.GroupProtocol;
import org.apache.kafka.common.GroupType;

/**
 * The worker under either consumer group protocol: {@code classic}, or {@code consumer} (KIP-848).
 * Tests that rebalance, restart or kill workers run under both ({@code @EnumSource(GroupProtocol
 * .class)}).
 */
public final class GroupProtocols {
  private GroupProtocols() {}

  /** The value of {@code kafka.group.protocol}: {@code classic} or {@code consumer}. */
  public static String name(GroupProtocol protocol) {
    return protocol.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Checks that the broker runs {@code group} under {@code protocol}: a consumer group for the
   * consumer protocol, a classic group otherwise. Call it while a member is in the group.
   */
  public static void assertGroupUses(GroupProtocol protocol, String group) throws Exception {
    try (Admin admin = Admin.create(TestKafka.clientSettings())) {
      GroupType type =
          admin
              .describeConsumerGroups(List.of(group))
              .describedGroups()
              .get(group)
              .get(30, TimeUnit.SECONDS)
              .type();
      assertThat(type)
          .as("type of group " + group)
          .isEqualTo(protocol == GroupProtocol.CONSUMER ? GroupType.CONSUMER : GroupType.CLASSIC);
    }
  }

  /** {@code settings} with {@code kafka.group.protocol} set to {@code protocol}. */
  public static Map<String, String> with(GroupProtocol protocol, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.put("kafka.group.protocol", name(protocol));
    return all;
  }
}
