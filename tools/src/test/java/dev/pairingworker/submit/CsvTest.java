package dev.pairingworker.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotedFieldsKeepCommasAndQuotes() {
    assertThat(Csv.fields("a, \"b,c\" ,\"say \"\"hi\"\"\","))
        .containsExactly("a", "b,c", "say \"hi\"", "");
  }

  @Test
  void writtenLinesReadBackTheSame() {
    List<String> fields =
        List.of("t-1", "FAILED", "", "400", "INVALID_DATA", "bad \"value\", see docs");

    assertThat(Csv.fields(Csv.line(fields))).isEqualTo(fields);
  }
}
