package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.bench.Workload.PlannedCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {
  @Test
  void roundRobinGivesEachUserItsCommandsInterleavedWithEveryoneElses() {
    List<PlannedCommand> commands = Workload.creates("r", 7, 3).commands();

    assertThat(commands).extracting(PlannedCommand::user).containsExactly(0, 1, 2, 0, 1, 2, 0);
    assertThat(commands).extracting(PlannedCommand::position).containsExactly(0, 0, 0, 1, 1, 1, 2);
  }

  @Test
  void inRunsGivesEachUserItsCommandsTogetherTheFirstUsersOneMore() {
    List<PlannedCommand> commands = Workload.creates("r", 8, 3, true).commands();

    assertThat(commands).extracting(PlannedCommand::user).containsExactly(0, 0, 0, 1, 1, 1, 2, 2);
    assertThat(commands)
        .extracting(PlannedCommand::position)
        .containsExactly(0, 1, 2, 0, 1, 2, 0, 1);
    assertThat(commands).extracting(PlannedCommand::key).doesNotHaveDuplicates();
  }

  @Test
  void inRunsWithAsManyCommandsAsUsersIsOnePerUser() {
    assertThat(Workload.creates("r", 4, 4, true).commands())
        .extracting(PlannedCommand::user)
        .containsExactly(0, 1, 2, 3);
  }
}
