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
  /** A sequential, lazy stream over all items of all pages. */
  Stream<T> stream();

  /** Fetches just the first page. */
  Page<T> firstPage();

  /** Fetches the single page at {@code range}, e.g. a {@link Page#nextRange()} from before. */
  Page<T> page(Range range);

  /** The same list, starting at {@code range} (a field, order or page size of your choice). */
  Paged<T> startingAt(Range range);
}
