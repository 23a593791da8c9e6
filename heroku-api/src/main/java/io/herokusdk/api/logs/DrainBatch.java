package io.herokusdk.api.logs;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One POST of an HTTPS log drain, as {@link LogplexDrain#receive} read it.
 *
 * @param frameId the {@code Logplex-Frame-Id}, or null if the request had none
 * @param drainToken the {@code Logplex-Drain-Token} ({@code d.<uuid>}, which drain sent it), or
 *     null
 * @param duplicate true if a batch with this frame id was received before: Logplex retried it,
 *     and {@link #lines()} is empty
 * @param lines its lines in order; the {@code raw} of each is the syslog message of its frame
 */
public record DrainBatch(@Nullable String frameId, @Nullable String drainToken,
    boolean duplicate, List<LogLine> lines) {
  /**
   * Copies the lines unmodifiable.
   *
   * @param frameId the {@code Logplex-Frame-Id}, or null
   * @param drainToken the {@code Logplex-Drain-Token}, or null
   * @param duplicate true if this frame id was received before
   * @param lines the lines in order, not null; no null elements
   */
  public DrainBatch {
    lines = List.copyOf(Objects.requireNonNull(lines, "lines == null"));
  }

  /** Shows the frame id and size; not the drain token or the lines. */
  @Override
  public String toString() {
    return "DrainBatch[frameId=" + frameId + (duplicate ? ", duplicate" : "") + ", "
        + lines.size() + " lines]";
  }
}
