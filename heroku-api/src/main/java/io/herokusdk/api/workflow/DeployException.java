package io.herokusdk.api.workflow;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deploy or release workflow did not reach a running release. Subclasses say which step
 * failed; {@link #outputTail()} holds the last lines of output that step printed, if any.
 */
public class DeployException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** How many lines of output the exceptions keep. */
  public static final int TAIL_LINES = 30;

  /** The app's name or id. */
  private final String app;
  /** An array, not a List, so that the field is serializable by type. */
  private final String[] outputTail;

  /**
   * A failure of a workflow on {@code app}, with up to the last {@link #TAIL_LINES} of output.
   *
   * @param app the app's name or id
   * @param message what failed; the output's last lines, if any, are appended to it
   * @param output every line the failed step printed, oldest first; empty for none
   * @param cause the underlying failure, or null
   */
  public DeployException(
      String app, String message, List<String> output, @Nullable Throwable cause) {
    super(message + tailText(output), cause);
    this.app = app;
    this.outputTail = tail(output).toArray(new String[0]);
  }

  /**
   * The app it was deploying or releasing.
   *
   * @return the app's name; for a {@link ReleaseFailedException} from {@link Releases}, the
   *     name or id it was given
   */
  public String app() {
    return app;
  }

  /**
   * The last lines of output (at most {@link #TAIL_LINES}), oldest first; empty if none.
   *
   * @return an immutable list of the lines
   */
  public List<String> outputTail() {
    return List.of(outputTail);
  }

  static List<String> tail(List<String> output) {
    return List.copyOf(output.subList(Math.max(0, output.size() - TAIL_LINES), output.size()));
  }

  private static String tailText(List<String> output) {
    if (output.isEmpty()) return "";
    return "; last lines of output:\n  " + String.join("\n  ", tail(output));
  }
}
