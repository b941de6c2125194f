package dev.pairingworker.worker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock("system-properties")
class HostnameVerificationTest {
  @AfterEach
  void clear() {
    System.clearProperty(PingOneClient.NO_HOSTNAME_VERIFICATION);
  }

  @Test
  void theWorkerRefusesToStartWithHostnameVerificationTurnedOff() {
    System.setProperty(PingOneClient.NO_HOSTNAME_VERIFICATION, "");

    assertThatThrownBy(PingOneClient::requireHostnameVerification)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the system property jdk.internal.httpclient.disableHostnameVerification turns off"
                + " TLS hostname verification towards PingOne; remove it");
  }

  @Test
  void hostnameVerificationExplicitlyOnIsFine() {
    System.setProperty(PingOneClient.NO_HOSTNAME_VERIFICATION, "false");

    assertThatCode(PingOneClient::requireHostnameVerification).doesNotThrowAnyException();
  }
}
