package dev.pairingworker.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Op;
import org.junit.jupiter.api.Test;

class BatchFileTest {
  private static final String ENV = "5a1e0c2d-3b4f-4a6e-8d7c-9f0e1d2c3b4a";
  private static final String USER = "b6b2f190-beb8-4a5d-a4ad-6137df7f993d";
  private static final String KEY = "7487f7a1-47e1-44ce-986d-5ea6c953ef6a";

  @Test
  void rowsWithoutHeaderAreEnvironmentUserAndKey() {
    BatchFile file = BatchFile.parse(ENV + "," + USER + "," + KEY + "\n", Op.GET, "run1");

    assertThat(file.rows()).containsExactly(new SubmitRow(1, "run1-1", ENV, USER, KEY));
    assertThat(file.invalid()).isEmpty();
  }

  @Test
  void aHeaderNamesTheColumnsInAnyOrderAndMayCarryTransactionIds() {
    String csv =
        "userId,transactionId,environmentId\n"
            + USER
            + ",onboarding-4711,"
            + ENV
            + "\n"
            + USER
            + ",,"
            + ENV
            + "\n";

    BatchFile file = BatchFile.parse(csv, Op.CREATE, "run1");

    assertThat(file.rows())
        .containsExactly(
            new SubmitRow(2, "onboarding-4711", ENV, USER, null),
            new SubmitRow(3, "run1-3", ENV, USER, null));
  }

  @Test
  void aSpreadsheetsByteOrderMarkAndWindowsLineEndingsAreAccepted() {
    String csv = "\uFEFFenvironmentId,userId\r\n" + ENV + "," + USER + "\r\n";

    BatchFile file = BatchFile.parse(csv, Op.CREATE, "run1");

    assertThat(file.invalid()).isEmpty();
    assertThat(file.rows()).containsExactly(new SubmitRow(2, "run1-2", ENV, USER, null));
  }

  @Test
  void invalidRowsAreReportedByLineAndFieldWithoutTheirValues() {
    String csv =
        String.join(
            "\n",
            "environmentId,userId,pairingKeyId",
            ENV.toUpperCase() + "," + USER + "," + KEY,
            ENV + ",../admin," + KEY,
            ENV + "," + USER,
            ENV + "," + USER + "," + KEY + ",extra",
            "",
            ENV + "," + USER + "," + KEY);

    BatchFile file = BatchFile.parse(csv, Op.DELETE, "run1");

    assertThat(file.invalid())
        .extracting(InvalidRow::toString)
        .containsExactly(
            "line 2: environmentId must be a lowercase UUID",
            "line 3: userId must be a lowercase UUID",
            "line 4: pairingKeyId must be a lowercase UUID for delete",
            "line 5: more fields than columns (3)");
    assertThat(file.rows()).containsExactly(new SubmitRow(7, "run1-7", ENV, USER, KEY));
  }

  @Test
  void createRefusesAPairingKeyIdAndRepeatedTransactionIds() {
    String csv =
        "environmentId,userId,pairingKeyId,transactionId\n"
            + ENV
            + ","
            + USER
            + ","
            + KEY
            + ",t-1\n"
            + ENV
            + ","
            + USER
            + ",,t-1\n"
            + ENV
            + ","
            + USER
            + ",,t-1\n";

    BatchFile file = BatchFile.parse(csv, Op.CREATE, "run1");

    assertThat(file.invalid())
        .extracting(InvalidRow::toString)
        .containsExactly(
            "line 2: pairingKeyId is not used by create (wrong --op?)",
            "line 4: transactionId repeats an earlier row's");
    assertThat(file.rows()).extracting(SubmitRow::transactionId).containsExactly("t-1");
  }

  @Test
  void theSameInputAndOpGiveTheSameTransactionIds() {
    String csv = ENV + "," + USER + "\n" + ENV + "," + USER + "\n";

    BatchFile first = BatchFile.parse(csv, Op.CREATE, null);
    BatchFile again = BatchFile.parse(csv, Op.CREATE, null);

    assertThat(first.runId()).matches("submit-[0-9a-f]{16}");
    assertThat(again.rows()).isEqualTo(first.rows());
    assertThat(first.rows())
        .extracting(SubmitRow::transactionId)
        .containsExactly(first.runId() + "-1", first.runId() + "-2");
  }

  @Test
  void anotherInputOrAnotherOpGivesAnotherRunId() {
    String csv = ENV + "," + USER + "\n";

    assertThat(BatchFile.defaultRunId(csv, Op.CREATE))
        .isNotEqualTo(BatchFile.defaultRunId(csv, Op.GET))
        .isNotEqualTo(BatchFile.defaultRunId(csv + ENV + "," + USER + "\n", Op.CREATE));
  }
}
