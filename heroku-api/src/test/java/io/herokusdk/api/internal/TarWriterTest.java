package io.herokusdk.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PAX records count their own length, also where adding the length adds a digit. */
class TarWriterTest {
  @Test
  void aPaxRecordsLengthCountsItself() {
    for (int n = 1; n < 300; n++) {
      String record = TarWriter.paxRecord("path", "x".repeat(n));
      int declared = Integer.parseInt(record.substring(0, record.indexOf(' ')));
      assertThat(record.getBytes(StandardCharsets.UTF_8)).hasSize(declared);
    }
  }

  @Test
  void aNonAsciiPathIsCountedInBytes() {
    String record = TarWriter.paxRecord("path", "données/été.txt");
    int declared = Integer.parseInt(record.substring(0, record.indexOf(' ')));
    assertThat(record.getBytes(StandardCharsets.UTF_8)).hasSize(declared);
  }
}
