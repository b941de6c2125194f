package dev.pairingworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
  private static final String STATUS =
      "Name:\tjava\nVmPeak:\t 8078788 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  358400 kB\nThreads:\t171\n";

  @Test
  void thePeakRssIsVmHwmInBytes() {
    assertThat(ProcessMemory.statusField(STATUS, "VmHWM")).hasValue(524288L * 1024);
  }

  @Test
  void theCurrentRssIsVmRssInBytes() {
    assertThat(ProcessMemory.statusField(STATUS, "VmRSS")).hasValue(358400L * 1024);
  }

  @Test
  void aFieldThatIsNotASizeIsEmpty() {
    assertThat(ProcessMemory.statusField(STATUS, "Threads")).isEmpty();
  }

  @Test
  void anAbsentFieldIsEmpty() {
    assertThat(ProcessMemory.statusField(STATUS, "VmSwap")).isEqualTo(OptionalLong.empty());
  }

  @Test
  void aFieldNameIsMatchedWhole() {
    assertThat(ProcessMemory.statusField("VmHWMX:\t1 kB\n", "VmHWM")).isEmpty();
  }

  @Test
  void theProcessOfThisJvmHasAnRssOnLinux() {
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(ProcessMemory.self().rssBytes()).isPresent();
    }
  }
}
