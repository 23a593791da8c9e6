package io.herokusdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogCaptureTest {
  private static final Logger log = LoggerFactory.getLogger(LogCaptureTest.class);

  @RegisterExtension final LogCapture perTest = new LogCapture();

  @Test
  void asAnExtensionCapturesTheTest() {
    log.info("inside the test");
    assertThat(perTest.text()).contains("inside the test").contains("LogCaptureTest");
  }

  @Test
  void capturesSlf4jSimpleAndStdoutAndRestoresTheStreams() {
    PrintStream errBefore = System.err;
    PrintStream outBefore = System.out;
    LogCapture capture = LogCapture.start();
    try (capture) {
      log.warn("a warning {}", 42);
      System.out.println("to stdout");
      assertThat(capture.lines()).anySatisfy(line -> assertThat(line).contains("a warning 42"));
      assertThat(capture.contains("to stdout")).isTrue();
    }
    assertThat(System.err).isSameAs(errBefore);
    assertThat(System.out).isSameAs(outBefore);
    log.info("after the capture");
    assertThat(capture.text()).doesNotContain("after the capture").contains("a warning 42");
  }

  @Test
  void nestedCapturesBothSeeWhatIsWrittenWhileOpen() {
    try (LogCapture outer = LogCapture.start()) {
      log.info("outer only");
      try (LogCapture inner = LogCapture.start()) {
        log.info("both");
        assertThat(inner.text()).contains("both").doesNotContain("outer only");
      }
      assertThat(outer.text()).contains("outer only").contains("both");
    }
  }
}
