package dev.pairingworker.pingone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairingworker.command.Op;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class OutcomesTest {
  @Test
  void namesTheReasonByStatusOrKindOfFailure() {
    assertThat(Outcomes.reason(answered(503))).isEqualTo("status_503");
    assertThat(Outcomes.reason(sentButUnanswered())).isEqualTo("io_error");
    assertThat(Outcomes.reason(noToken(500))).isEqualTo("token_unavailable");
  }

  @Test
  void aCreateThatMayHaveReachedPingOneWithoutATrustworthyAnswerIsAmbiguous() {
    assertThat(Outcomes.isAmbiguous(Op.CREATE, sentButUnanswered())).isTrue();
    assertThat(Outcomes.isAmbiguous(Op.CREATE, answered(502))).isTrue();
    assertThat(Outcomes.isAmbiguous(Op.CREATE, answered(504))).isTrue();
  }

  @Test
  void aCreateThatNeverLeftOrWasClearlyRefusedIsNotAmbiguous() {
    assertThat(Outcomes.isAmbiguous(Op.CREATE, neverSent())).isFalse();
    assertThat(Outcomes.isAmbiguous(Op.CREATE, answered(500))).isFalse();
    assertThat(Outcomes.isAmbiguous(Op.CREATE, answered(503))).isFalse();
    assertThat(Outcomes.isAmbiguous(Op.CREATE, answered(429))).isFalse();
    assertThat(Outcomes.isAmbiguous(Op.CREATE, noToken(0))).isFalse();
  }

  @Test
  void readsAndDeletesAreNeverAmbiguous() {
    assertThat(Outcomes.isAmbiguous(Op.GET, sentButUnanswered())).isFalse();
    assertThat(Outcomes.isAmbiguous(Op.DELETE, answered(504))).isFalse();
  }

  @Test
  void onlyPingsListedStatusesAreTransient() {
    for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
      assertThat(Outcomes.isTransient(answered(status))).as("HTTP %d", status).isTrue();
    }
    for (int status : new int[] {200, 201, 204, 400, 401, 403, 404, 405, 409, 415, 422, 501}) {
      assertThat(Outcomes.isTransient(answered(status))).as("HTTP %d", status).isFalse();
    }
  }

  @Test
  void aTokenFailureIsTransientOnlyWhenItMayHeal() {
    assertThat(Outcomes.isTransient(noToken(0))).isTrue();
    assertThat(Outcomes.isTransient(noToken(429))).isTrue();
    assertThat(Outcomes.isTransient(noToken(503))).isTrue();
    assertThat(Outcomes.isTransient(noToken(400))).isFalse();
    assertThat(Outcomes.isTransient(noToken(401))).isFalse();
  }

  static CallOutcome answered(int status) {
    return answered(status, null);
  }

  static CallOutcome answered(int status, String retryAfter) {
    return new CallOutcome.Answered(new PingOneResponse(status, new byte[0], "corr-1", retryAfter));
  }

  static CallOutcome sentButUnanswered() {
    return new CallOutcome.NoAnswer(new IOException("request timed out"), true);
  }

  static CallOutcome neverSent() {
    return new CallOutcome.NoAnswer(new ConnectException("Connection refused"), false);
  }

  static CallOutcome noToken(int status) {
    return new CallOutcome.NoToken(
        status == 0
            ? new TokenException("token endpoint unreachable", new ConnectException("refused"))
            : new TokenException(status, "token endpoint answered HTTP " + status));
  }
}
