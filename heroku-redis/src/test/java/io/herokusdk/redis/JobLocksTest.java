package io.herokusdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.JobLock;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Job locks on the embedded Redis, each {@link HerokuRedis} standing for one process (a
 * Scheduler run).
 */
@ExtendWith(RedisExtension.class)
class JobLocksTest {

  @Test
  void aSecondProcessCannotTakeAHeldLockUntilItIsReleased(TestRedis testRedis) {
    try (HerokuRedis first = Fixtures.open(testRedis, true);
        HerokuRedis second = Fixtures.open(testRedis, true)) {
      JobLock held = first.jobLocks().tryAcquire("nightly-backup").orElseThrow();

      assertThat(held.job()).isEqualTo("nightly-backup");
      assertThat(held.isHeld()).isTrue();
      assertThat(second.jobLocks().tryAcquire("nightly-backup")).isEmpty();
      Optional<JobLock> otherJob = second.jobLocks().tryAcquire("cost-report");
      assertThat(otherJob).isPresent();
      otherJob.get().close();
      String key = first.jobLocks().key("nightly-backup");
      assertThat(key).isEqualTo(testRedis.keyPrefix() + "joblock:nightly-backup");
      assertThat(first.sync().pttl(key)).isPositive()
          .isLessThanOrEqualTo(RedisJobLocks.DEFAULT_TTL.toMillis());

      held.close();
      held.close();

      assertThat(held.isHeld()).isFalse();
      assertThat(first.sync().exists(key)).isZero();
      Optional<JobLock> afterRelease = second.jobLocks().tryAcquire("nightly-backup");
      assertThat(afterRelease).isPresent();
      afterRelease.get().close();
    }
  }

  @Test
  void runExclusivelyRunsOnlyWhenNobodyElseHoldsTheLock(TestRedis testRedis) {
    try (HerokuRedis scheduler = Fixtures.open(testRedis, false);
        HerokuRedis lateRun = Fixtures.open(testRedis, false)) {
      List<String> runs = new ArrayList<>();
      boolean[] overlapped = new boolean[1];

      boolean ran = scheduler.jobLocks().runExclusively("scale", () -> {
        runs.add("first");
        overlapped[0] = lateRun.jobLocks().runExclusively("scale", () -> runs.add("overlap"));
      });

      assertThat(ran).isTrue();
      assertThat(overlapped[0]).isFalse();
      assertThat(lateRun.jobLocks().runExclusively("scale", () -> runs.add("next"))).isTrue();
      assertThat(runs).containsExactly("first", "next");
    }
  }

  @Test
  void aCrashedRunsLockExpires(TestRedis testRedis) {
    try (HerokuRedis crashed = Fixtures.open(testRedis, false);
        HerokuRedis next = Fixtures.open(testRedis, false)) {
      RedisJobLocks locks = crashed.jobLocks(Duration.ofMillis(300)).withoutRenewal();
      assertThat(locks.renews()).isFalse();
      JobLock neverClosed = locks.tryAcquire("backup").orElseThrow();

      Fixtures.await(Duration.ofSeconds(10),
          () -> next.jobLocks().tryAcquire("backup").map(lock -> {
            lock.close();
            return true;
          }).orElse(false));

      assertThat(neverClosed.isHeld()).isFalse();
    }
  }

  @Test
  void theWatchdogKeepsALongJobsLockPastItsTtl(TestRedis testRedis) {
    try (HerokuRedis runner = Fixtures.open(testRedis, false);
        HerokuRedis other = Fixtures.open(testRedis, false)) {
      Duration ttl = Duration.ofSeconds(1);
      JobLock held = runner.jobLocks(ttl).tryAcquire("long-report").orElseThrow();
      long start = System.nanoTime();

      Fixtures.await(Duration.ofSeconds(20),
          () -> System.nanoTime() - start > ttl.multipliedBy(3).toNanos());

      assertThat(other.jobLocks(ttl).tryAcquire("long-report")).isEmpty();
      assertThat(held.isHeld()).isTrue();
      held.close();
      assertThat(other.jobLocks(ttl).tryAcquire("long-report")).isPresent();
    }
  }

  @Test
  void aRunWhoseLockExpiredCannotReleaseTheNextHoldersLock(TestRedis testRedis) {
    try (HerokuRedis late = Fixtures.open(testRedis, false);
        HerokuRedis next = Fixtures.open(testRedis, false)) {
      JobLock expired = late.jobLocks(Duration.ofMillis(200)).withoutRenewal()
          .tryAcquire("deploy").orElseThrow();
      List<JobLock> taken = new ArrayList<>();
      Fixtures.await(Duration.ofSeconds(10),
          () -> next.jobLocks().tryAcquire("deploy").map(taken::add).orElse(false));
      JobLock current = taken.get(0);

      expired.close();

      assertThat(current.isHeld()).as("the non-owner's release was refused").isTrue();
      assertThat(late.jobLocks().tryAcquire("deploy")).isEmpty();
      current.close();
    }
  }

  @Test
  void theWatchdogNoticesWhenTheLockWasTakenAway(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      JobLock held = redis.jobLocks(Duration.ofMillis(600)).tryAcquire("taken-away").orElseThrow();
      String key = redis.jobLocks().key("taken-away");

      redis.sync().set(key, "someone-else");

      Fixtures.await(Duration.ofSeconds(10), () -> !held.isHeld());
      assertThat(redis.sync().get(key)).as("not extended or deleted").isEqualTo("someone-else");
      held.close();
      assertThat(redis.sync().get(key)).isEqualTo("someone-else");
      redis.sync().del(key);
    }
  }

  @Test
  void rejectsBadArguments(TestRedis testRedis) {
    try (HerokuRedis redis = Fixtures.open(testRedis, false)) {
      assertThatThrownBy(() -> redis.jobLocks().tryAcquire(""))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> redis.jobLocks(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
