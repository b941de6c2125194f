package dev.pairingworker.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static membership under the consumer group protocol (KIP-848): releasing the instance ID a dead
 * predecessor still holds.
 *
 * <p>Under the classic protocol a member that joins with the {@code group.instance.id} of a member
 * that died without leaving simply replaces it and gets its partitions. Under the consumer protocol
 * the broker refuses it ({@code UNRELEASED_INSTANCE_ID}, fatal to the consumer) until the dead
 * member's session expires ({@code group.consumer.session.timeout.ms}, 45 s by default), unless the
 * member had left with the "temporarily left" epoch (-2, what a static consumer sends on {@code
 * close()}). Since two running workers never share an instance ID, a member holding ours when this
 * worker starts is a predecessor that is gone: it is removed (the admin API's {@code LeaveGroup} by
 * instance ID, which needs the {@code READ} ACL on the group the worker has anyway), and this
 * worker joins at once.
 */
public final class StaticMembership {
  private static final Logger log = LoggerFactory.getLogger(StaticMembership.class);

  /** The member epoch of a static member that left the group temporarily (KIP-848). */
  static final int LEFT_TEMPORARILY = -2;

  private StaticMembership() {}

  /**
   * Removes the member of {@code group} that holds {@code instanceId} unless it released it; true
   * if one was removed. Failures are logged, not thrown: joining then fails as it would have.
   */
  public static boolean releaseFromDeadPredecessor(
      Map<String, Object> kafkaSettings, String group, String instanceId, Duration timeout) {
    try (Admin admin = Admin.create(kafkaSettings)) {
      Optional<MemberDescription> holder = holder(admin, group, instanceId, timeout);
      if (holder.isEmpty()) {
        return false;
      }
      log.info(
          "Member {} of group {} still holds instance ID {} (member epoch {}): a predecessor that"
              + " did not leave; removing it so that this worker can join at once",
          holder.get().consumerId(),
          group,
          instanceId,
          holder.get().memberEpoch().map(String::valueOf).orElse("none"));
      admin
          .removeMembersFromConsumerGroup(
              group,
              new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove(instanceId)))
                  .timeoutMs(millis(timeout)))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      log.warn(
          "Could not release instance ID {} in group {} ({}): if a predecessor with this ID died"
              + " without leaving, joining fails with UnreleasedInstanceIdException until its"
              + " session expires",
          instanceId,
          group,
          cause.toString());
      return false;
    }
  }

  /** The member holding {@code instanceId} that did not release it, if any. */
  static Optional<MemberDescription> holder(
      Admin admin, String group, String instanceId, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    ConsumerGroupDescription description;
    try {
      description =
          admin
              .describeConsumerGroups(
                  List.of(group), new DescribeConsumerGroupsOptions().timeoutMs(millis(timeout)))
              .describedGroups()
              .get(group)
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return Optional.empty(); // a new group: nobody holds anything
      }
      throw e;
    }
    return description.members().stream()
        .filter(m -> m.groupInstanceId().filter(instanceId::equals).isPresent())
        .filter(m -> m.memberEpoch().filter(epoch -> epoch == LEFT_TEMPORARILY).isEmpty())
        .findFirst();
  }

  private static int millis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }
}
