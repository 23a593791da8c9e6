package io.herokusdk.api;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list call.
 *
 * @param items the page's items, unmodifiable
 * @param range the {@code Range} this page was requested with
 * @param nextRange the {@code Next-Range} the server sent with a 206, or null on the last page
 * @param status the HTTP status: 200 (complete) or 206 (more to come)
 * @param requestId the response's {@code Request-Id}, if any
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Range range, @Nullable Range nextRange, int status,
    @Nullable String requestId) {

  /**
   * Copies {@code items}.
   *
   * @param items the page's items; no null elements
   * @param range the {@code Range} this page was requested with
   * @param nextRange the {@code Next-Range} of a 206, or null on the last page
   * @param status the HTTP status, 200 or 206
   * @param requestId the response's {@code Request-Id}, or null
   */
  public Page {
    items = List.copyOf(items);
  }

  /**
   * The range of the following page, if the server said there is one.
   *
   * @return {@link #nextRange()}, or empty on the last page
   */
  public Optional<Range> next() {
    return Optional.ofNullable(nextRange);
  }
}
