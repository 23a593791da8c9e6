package io.herokusdk.core;

/**
 * A held lock on a job name, from {@link JobLocks#tryAcquire(String)}. Close it to release it;
 * closing twice does nothing.
 */
public interface JobLock extends AutoCloseable {
  /**
   * The job name it locks.
   *
   * @return the name given to {@link JobLocks#tryAcquire(String)}
   */
  String job();

  /**
   * Asks the store whether this process still holds the lock: false once it is released, or
   * when the store took it away (the Postgres session died, the Redis key expired). A long job
   * checks it before a step that must not run twice.
   *
   * @return true if the store confirms that this process holds the lock; false if it was
   *     released or lost, or if the store cannot be reached
   */
  boolean isHeld();

  /** Releases the lock if this process still holds it. Does not throw. */
  @Override
  void close();
}
