package io.herokusdk.api.internal;

import io.herokusdk.api.Page;
import io.herokusdk.api.Paged;
import io.herokusdk.api.Range;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Paged} behind every list link. */
final class PagedImpl<T> implements Paged<T> {
  private static final Logger log = LoggerFactory.getLogger("io.herokusdk.api.Heroku");

  private final Function<Range, Page<T>> fetch;
  private final Range start;

  PagedImpl(Function<Range, Page<T>> fetch, Range start) {
    this.fetch = fetch;
    this.start = start;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator();
  }

  @Override
  public Stream<T> stream() {
    return StreamSupport.stream(() -> Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), Spliterator.ORDERED | Spliterator.NONNULL,
        false);
  }

  @Override
  public Page<T> firstPage() {
    return fetch.apply(start);
  }

  @Override
  public Page<T> page(Range range) {
    return fetch.apply(Objects.requireNonNull(range, "range"));
  }

  @Override
  public Paged<T> startingAt(Range range) {
    return new PagedImpl<>(fetch, Objects.requireNonNull(range, "range"));
  }

  @Override
  public String toString() {
    return "Paged{start=" + start + "}";
  }

  private final class PageIterator implements Iterator<T> {
    private final Set<Range> requested = new HashSet<>();
    private @Nullable Page<T> page;
    private int index;
    private boolean done;

    @Override
    public boolean hasNext() {
      while (!done) {
        if (page == null) {
          requested.add(start);
          page = fetch.apply(start);
          index = 0;
        }
        List<T> items = page.items();
        if (index < items.size()) {
          return true;
        }
        Range next = page.nextRange();
        if (next == null) {
          done = true;
        } else if (!requested.add(next)) {
          log.warn("server sent Next-Range '{}' again; stopping instead of looping", next);
          done = true;
        } else {
          page = fetch.apply(next);
          index = 0;
        }
      }
      return false;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return Objects.requireNonNull(page).items().get(index++);
    }
  }
}
