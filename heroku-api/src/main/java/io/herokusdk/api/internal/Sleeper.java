package io.herokusdk.api.internal;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Waits; replaceable in tests. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps with {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
      io.initCause(e);
      throw new java.io.UncheckedIOException(io);
    }
  };

  /** Waits {@code duration}. */
  void sleep(Duration duration);
}
