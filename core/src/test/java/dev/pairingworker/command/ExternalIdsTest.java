package dev.pairingworker.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalIdsTest {
  @Test
  void keepsLettersDigitsMarksAndTheAllowedPunctuation() {
    assertThat(ExternalIds.sanitise("abc-DEF_123./@=#+")).isEqualTo("abc-DEF_123./@=#+");
    assertThat(ExternalIds.sanitise("Zoë-Ünïcødé-日本語-١٢٣")).isEqualTo("Zoë-Ünïcødé-日本語-١٢٣");
    assertThat(ExternalIds.sanitise("e\u0301")).isEqualTo("e\u0301");
  }

  @Test
  void turnsEverythingElseIntoUnderscores() {
    assertThat(ExternalIds.sanitise("a b\tc\r\nd:e?f%g&h")).isEqualTo("a_b_c__d_e_f_g_h");
    assertThat(ExternalIds.sanitise("🙂")).isEqualTo("_");
  }

  @Test
  void cutsToOneHundredCharacters() {
    String longKey = "x".repeat(99) + "日本語";
    assertThat(ExternalIds.sanitise(longKey)).isEqualTo("x".repeat(99) + "日");
    assertThat(ExternalIds.sanitise("🙂".repeat(150))).hasSize(100);
  }
}
