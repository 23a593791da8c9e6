package io.herokusdk.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what is written to {@code System.err} and {@code System.out} while it is open, which
 * includes everything slf4j-simple logs (it writes to {@code System.err} at call time). Output
 * still reaches the console.
 *
 * <p>As a JUnit extension it captures each test of the class:
 *
 * <pre>{@code
 * @RegisterExtension final LogCapture logs = new LogCapture();
 *
 * @Test void keepsSecrets() {
 *   client.connect();
 *   SecretCanary.assertNoLeak(password, logs);
 * }
 * }</pre>
 *
 * <p>Or by hand: {@code try (LogCapture logs = LogCapture.start()) { ... logs.text() ... }}.
 * Captures nest; each sees what was written while it was open, by any thread (so with parallel
 * test execution it also sees other tests' output). Output that other code printed through a
 * stream it kept from before the capture started is not seen.
 */
public final class LogCapture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
  private final Object lock = new Object();
  private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private Charset charset = Charset.defaultCharset();
  private @Nullable PrintStream originalErr;
  private @Nullable PrintStream originalOut;
  private @Nullable PrintStream capturingErr;
  private @Nullable PrintStream capturingOut;

  /** A capture that starts when a test starts (as an extension) or on {@link #begin()}. */
  public LogCapture() {}

  /**
   * Starts capturing now; close to stop.
   *
   * @return a new capture, already open
   */
  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    capture.begin();
    return capture;
  }

  /** Starts capturing (clearing what an earlier capture by this object saw). */
  public void begin() {
    synchronized (lock) {
      if (originalErr != null) throw new IllegalStateException("already capturing");
      buffer = new ByteArrayOutputStream();
      originalErr = System.err;
      originalOut = System.out;
      charset = consoleCharset();
      capturingErr = new PrintStream(new Tee(originalErr), true, charset);
      capturingOut = new PrintStream(new Tee(originalOut), true, charset);
      System.setErr(capturingErr);
      System.setOut(capturingOut);
    }
  }

  /**
   * Everything captured so far.
   *
   * @return the text written to {@code System.err} and {@code System.out} since {@link #begin()},
   *     in the console's charset; empty if nothing was
   */
  public String text() {
    // PrintStream hands each print's bytes on before it returns: no flush needed (and taking
    // the stream's lock while holding ours could deadlock with a printing thread).
    synchronized (lock) {
      return buffer.toString(charset);
    }
  }

  /**
   * {@link #text()} split into lines.
   *
   * @return the captured lines without their line terminators, immutable
   */
  public List<String> lines() {
    return text().lines().toList();
  }

  /**
   * True if the captured text contains {@code fragment}.
   *
   * @param fragment the text to look for, matched exactly (case-sensitive)
   * @return whether {@link #text()} contains it
   */
  public boolean contains(String fragment) {
    return text().contains(fragment);
  }

  /** Stops capturing; the captured text stays readable. Does nothing if not capturing. */
  @Override
  public void close() {
    synchronized (lock) {
      if (originalErr == null) return;
      // Restore only if nobody replaced our streams meanwhile (a nested capture closes first).
      if (System.err == capturingErr) System.setErr(originalErr);
      if (System.out == capturingOut) System.setOut(originalOut);
      originalErr = null;
      originalOut = null;
      capturingErr = null;
      capturingOut = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    begin();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /** Says how much was captured, not what. */
  @Override
  public String toString() {
    synchronized (lock) {
      return "LogCapture[" + buffer.size() + " bytes" + (originalErr != null ? ", open" : "") + "]";
    }
  }

  /** The charset the JDK gave System.err (PrintStream.charset() needs Java 18). */
  private static Charset consoleCharset() {
    String name = System.getProperty("sun.stderr.encoding");
    try {
      return name != null && Charset.isSupported(name) ? Charset.forName(name)
          : Charset.defaultCharset();
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }

  /** Writes to the original stream and to the buffer. */
  private final class Tee extends OutputStream {
    private final OutputStream original;

    Tee(OutputStream original) {
      this.original = original;
    }

    @Override
    public void write(int b) {
      synchronized (lock) {
        buffer.write(b);
      }
      writeOriginal(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (lock) {
        buffer.write(bytes, offset, length);
      }
      writeOriginal(bytes, offset, length);
    }

    private void writeOriginal(byte[] bytes, int offset, int length) {
      try {
        original.write(bytes, offset, length);
      } catch (java.io.IOException e) {
        // the console went away: keep capturing
      }
    }

    @Override
    public void flush() {
      try {
        original.flush();
      } catch (java.io.IOException e) {
        // ignore
      }
    }
  }
}
