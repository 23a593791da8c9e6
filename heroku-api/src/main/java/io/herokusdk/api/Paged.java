package io.herokusdk.api;

import java.util.stream.Stream;

/**
 * A list call that has not been sent yet. Iterating it (or its {@link #stream()}) sends {@code
 * Range: id ..; max=1000} and follows {@code Next-Range} page by page, lazily, until the server
 * stops answering 206. If a server repeats a range it already sent, iteration stops there instead
 * of looping (and logs a warning).
 *
 * <p>Each iteration starts over with a fresh request. Instances are immutable and thread-safe;
 * the iterators are not.
 *
 * @param <T> the item type
 */
public interface Paged<T> extends Iterable<T> {
  /**
   * A sequential, lazy stream over all items of all pages.
   *
   * @return a stream that sends the first request when its first item is needed
   */
  Stream<T> stream();

  /**
   * Fetches just the first page.
   *
   * @return the page at the starting range ({@link Range#DEFAULT} unless {@link #startingAt}
   *     set another)
   */
  Page<T> firstPage();

  /**
   * Fetches the single page at {@code range}, e.g. a {@link Page#nextRange()} from before.
   *
   * @param range the {@code Range} header to send, not null
   * @return that page; its {@link Page#next()} says whether another follows
   */
  Page<T> page(Range range);

  /**
   * The same list, starting at {@code range} (a field, order or page size of your choice).
   *
   * @param range the {@code Range} of the first page, like {@code Range.by("name", 100, false)}
   * @return a new unsent list; this one is unchanged
   */
  Paged<T> startingAt(Range range);
}
