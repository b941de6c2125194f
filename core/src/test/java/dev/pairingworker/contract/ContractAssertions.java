package dev.pairingworker.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The shapes the reference (docs and {@code /work/shared/reference/pingone-api.md}) promises.
 * Failure messages name the step and the Correlation-Id, so a failure against PingOne can be raised
 * with Ping; they never show a pairing code or a token.
 */
final class ContractAssertions {
  static final Pattern UUID =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  /**
   * NUMERIC keys are 12 digits, ALPHANUMERIC 16 characters (a docs example with 14 digits is
   * unconfirmed).
   */
  static final Pattern PAIRING_CODE = Pattern.compile("^([0-9]{12}|[A-Za-z0-9]{16})$");

  /** ISO-8601 UTC with exactly three fraction digits, e.g. 2026-11-29T10:15:30.123Z. */
  static final Pattern TIMESTAMP =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");

  private ContractAssertions() {}

  static void hasStatus(Answer answer, int status) {
    assertThat(answer.status()).as("%s (expected HTTP %d)", answer, status).isEqualTo(status);
  }

  static void carriesACorrelationId(Answer answer) {
    assertThat(answer.correlationId())
        .as("%s: Correlation-Id response header", answer)
        .isNotBlank();
  }

  /** The resource create and read return, for {@code target}'s environment and user. */
  static void isAnUnclaimedPairingKey(Answer answer, ContractTarget target) {
    String id = answer.text("id");
    assertThat(id).as("%s: id is a lowercase UUID", answer).matches(UUID);
    assertThat(answer.text("environment", "id"))
        .as("%s: environment.id", answer)
        .isEqualTo(target.environmentId());
    assertThat(answer.text("user", "id")).as("%s: user.id", answer).isEqualTo(target.userId());
    assertThat(answer.text("status")).as("%s: status", answer).isEqualTo("UNCLAIMED");
    assertThat(answer.text("_links", "self", "href"))
        .as("%s: _links.self.href", answer)
        .endsWith("/pairingKeys/" + id);
    hasAPairingCode(answer);
    Instant createdAt = timestamp(answer, "createdAt");
    timestamp(answer, "updatedAt");
    Instant expiresAt = timestamp(answer, "expiresAt");
    assertThat(expiresAt).as("%s: expiresAt is after createdAt", answer).isAfter(createdAt);
  }

  /** Asserts on the code's shape only: the value is a credential and must not reach a report. */
  private static void hasAPairingCode(Answer answer) {
    String code = answer.text("code");
    boolean digitsOnly = !code.isEmpty() && code.chars().allMatch(Character::isDigit);
    assertThat(PAIRING_CODE.matcher(code).matches())
        .as(
            "%s: code is 12 digits or 16 alphanumerics, but it has %d characters (digits only: %s); the reference"
                + " calls other lengths unconfirmed",
            answer, code.length(), digitsOnly)
        .isTrue();
  }

  private static Instant timestamp(Answer answer, String field) {
    String value = answer.text(field);
    assertThat(value)
        .as("%s: %s is ISO-8601 UTC with milliseconds", answer, field)
        .matches(TIMESTAMP);
    return Instant.parse(value);
  }

  /** PingOne's error body: {@code id}, {@code code}, {@code message}. */
  static void isAnError(Answer answer, String code) {
    assertThat(answer.text("code")).as("%s: error code", answer).isEqualTo(code);
    assertThat(answer.text("message")).as("%s: error message", answer).isNotBlank();
    assertThat(answer.text("id")).as("%s: error id is a lowercase UUID", answer).matches(UUID);
  }

  static void hasAnEmptyBody(Answer answer) {
    assertThat(answer.response().body()).as("%s: body", answer).isEmpty();
  }
}
