package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link JobLocks#runExclusively}, over an in-memory store. */
class JobLocksTest {
  /** One process's view of a lock table. */
  static final class InMemoryLocks implements JobLocks {
    final Set<String> held = new HashSet<>();
    final List<String> released = new ArrayList<>();

    @Override
    public Optional<JobLock> tryAcquire(String job) {
      if (!held.add(job)) return Optional.empty();
      return Optional.of(new JobLock() {
        @Override
        public String job() {
          return job;
        }

        @Override
        public boolean isHeld() {
          return held.contains(job);
        }

        @Override
        public void close() {
          if (held.remove(job)) released.add(job);
        }
      });
    }
  }

  @Test
  void runsWhileHoldingAndReleasesAfter() {
    InMemoryLocks locks = new InMemoryLocks();
    List<Boolean> heldDuringWork = new ArrayList<>();

    boolean ran = locks.runExclusively("backup", () -> heldDuringWork.add(
        locks.held.contains("backup")));

    assertThat(ran).isTrue();
    assertThat(heldDuringWork).containsExactly(true);
    assertThat(locks.released).containsExactly("backup");
  }

  @Test
  void doesNotRunWhenAnotherHolderHasTheLock() {
    InMemoryLocks locks = new InMemoryLocks();
    JobLock other = locks.tryAcquire("backup").orElseThrow();
    List<String> runs = new ArrayList<>();

    boolean ran = locks.runExclusively("backup", () -> runs.add("ran"));

    assertThat(ran).isFalse();
    assertThat(runs).isEmpty();
    assertThat(other.isHeld()).isTrue();
  }

  @Test
  void releasesWhenTheWorkThrowsAndRethrows() {
    InMemoryLocks locks = new InMemoryLocks();

    assertThatThrownBy(() -> locks.runExclusively("backup", () -> {
      throw new IllegalStateException("disk full");
    })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
    assertThat(locks.released).containsExactly("backup");
  }
}
