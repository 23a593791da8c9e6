package io.herokusdk.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Locks that keep two runs of the same scheduled job from overlapping. Heroku Scheduler is best
 * effort: a run can be late, and the next one can start while the last is still running. Each
 * store module has one: {@code HerokuPostgres#jobLocks()} (a session-level advisory lock, freed
 * when the connection dies) and {@code HerokuRedis#jobLocks()} (a key with an expiry, renewed
 * while the job runs).
 *
 * <pre>{@code
 * boolean ran = postgres.jobLocks().runExclusively("nightly-backup", () -> backup());
 * if (!ran) log.info("nightly-backup is still running elsewhere; skipped");
 * }</pre>
 */
public interface JobLocks {
  /**
   * Takes the lock on {@code job} if no other process holds it, without waiting.
   *
   * @param job the job's name; any non-blank text, compared exactly
   * @return the held lock, or empty if another holder has it
   * @throws JobLockException if the store cannot be reached (do not run the job then)
   */
  Optional<JobLock> tryAcquire(String job);

  /**
   * Runs {@code work} while holding the lock on {@code job}, then releases it (also when
   * {@code work} throws, which then reaches the caller).
   *
   * @param job the job's name; any non-blank text, compared exactly
   * @param work what to run while the lock is held, on the calling thread
   * @return true if it ran, false if another holder had the lock
   * @throws JobLockException if the store cannot be reached; {@code work} did not run
   */
  default boolean runExclusively(String job, Runnable work) {
    Objects.requireNonNull(work, "work == null");
    Optional<JobLock> lock = tryAcquire(job);
    if (lock.isEmpty()) return false;
    JobLock held = lock.get();
    try {
      work.run();
    } finally {
      held.close();
    }
    return true;
  }
}
