package io.herokusdk.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.InvalidParamsException;
import io.herokusdk.api.NotFoundException;
import io.herokusdk.api.UnauthorizedException;
import io.herokusdk.api.Heroku;
import io.herokusdk.core.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTest {
  private static final String DB = "postgresql-curved-12345";
  private static final String FOLLOWER = "postgresql-rigid-67890";

  @RegisterExtension final DataWorld world = new DataWorld();

  @BeforeEach
  void databases() {
    world.data.addPostgres("shop", DB, "standard-0").addPostgres("shop", FOLLOWER, "standard-0")
        .stats(DB, 12, 8_500_000, 3).follow(FOLLOWER, DB, 4);
  }

  @Test
  void infoIsTypedFromTheTopLevelFieldsAndTheInfoLines() {
    Postgres pg = world.dataClient().postgres();

    PostgresInfo leader = pg.info(DB);
    assertThat(leader.plan()).isEqualTo("standard-0");
    assertThat(leader.status()).isEqualTo("Available");
    assertThat(leader.connections()).isEqualTo(3);
    assertThat(leader.connectionLimit()).isEqualTo(120);
    assertThat(leader.postgresVersion()).isEqualTo("16.4");
    assertThat(leader.dataSizeBytes()).isEqualTo(8_500_000);
    assertThat(leader.tables()).isEqualTo(12);
    assertThat(leader.followers()).containsExactly(FOLLOWER);
    assertThat(leader.isFollower()).isFalse();

    PostgresInfo follower = pg.info(FOLLOWER);
    assertThat(follower.following()).isEqualTo(DB);
    assertThat(follower.behindBy()).isEqualTo("4 commits");
  }

  @Test
  void theDataApiGetsTheTokenAndAnUnknownDatabaseIsATypedNotFound() {
    assertThatThrownBy(() -> world.dataClient().postgres().info("nope"))
        .isInstanceOf(NotFoundException.class);
    Heroku wrong = world.heroku.toBuilder().token("wrong").build();
    try {
      assertThatThrownBy(() -> wrong.data().postgres().info(DB))
          .isInstanceOf(UnauthorizedException.class).hasMessageNotContaining("wrong");
    } finally {
      wrong.close();
    }
  }

  @Test
  void serverErrorsAreRetriedWithTheSharedRetryPolicy() {
    world.data.enqueueError(503).enqueueError(429);
    assertThat(world.dataClient().postgres().info(DB).plan()).isEqualTo("standard-0");
    assertThat(world.data.requests()).hasSize(3);
  }

  @Test
  void waitToleratesNotFoundWhileProvisioningAndReportsProgress() {
    world.data.provisioning(DB, 3, Duration.ofSeconds(40));
    List<WaitStatus> seen = new ArrayList<>();

    WaitStatus done = world.dataClient().postgres().waitUntilAvailable(DB, seen::add);

    assertThat(done.waiting()).isFalse();
    assertThat(seen).extracting(WaitStatus::message).startsWith("provisioning", "provisioning",
        "provisioning", "provisioning").endsWith("available");
    assertThat(world.data.requests()).filteredOn(r -> r.endsWith("/wait_status"))
        .hasSizeGreaterThan(4);
  }

  @Test
  void waitFailsWithTheErrorMessageOrAtTheDeadline() {
    world.data.failPreparation(DB, "Hardware failure: restoring from a snapshot failed");
    assertThatThrownBy(() -> world.dataClient().postgres().waitUntilAvailable(DB))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining(DB).hasMessageContaining("Hardware failure");

    world.data.provisioning(FOLLOWER, 0, Duration.ofHours(2));
    assertThatThrownBy(() -> world.dataClient(Duration.ofMinutes(1)).postgres()
        .waitUntilAvailable(FOLLOWER)).isInstanceOf(WaitTimeoutException.class);
  }

  @Test
  void aDatabaseNeverFoundEndsTheWaitAfterTwentyNotFounds() {
    world.data.provisioning(DB, 1000, Duration.ZERO);
    assertThatThrownBy(() -> world.dataClient().postgres().waitUntilAvailable(DB))
        .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("not found");
    assertThat(world.data.requests()).hasSize(Postgres.NOT_FOUND_WHILE_PROVISIONING + 1);
  }

  @Test
  void credentialsAreListedCreatedAndRotated() {
    Postgres pg = world.dataClient().postgres();
    pg.createCredential(DB, "analyst");

    assertThat(pg.credentials(DB)).extracting(PostgresCredential::name)
        .containsExactly("default", "analyst");
    assertThatThrownBy(() -> pg.createCredential(DB, "analyst"))
        .isInstanceOf(InvalidParamsException.class).hasMessageContaining("already exists");

    pg.rotateCredential(DB, "analyst", true);
    pg.rotateAllCredentials(DB, false);
    assertThat(world.data.rotations(DB)).isEqualTo(2);
    assertThatThrownBy(() -> pg.rotateCredential(DB, "ghost", false))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void unfollowConnectionResetAndPooling() {
    Postgres pg = world.dataClient().postgres();

    pg.unfollow(FOLLOWER);
    assertThat(world.data.isFollowing(FOLLOWER)).isFalse();
    assertThat(pg.info(DB).followers()).isEmpty();
    assertThatThrownBy(() -> pg.unfollow(FOLLOWER)).isInstanceOf(InvalidParamsException.class);

    pg.resetConnections(DB);
    assertThat(world.data.connectionResets(DB)).isEqualTo(1);

    assertThat(pg.attachConnectionPooling(DB, "shop", null)).isEqualTo("DATABASE_CONNECTION_POOL");
    assertThat(pg.attachConnectionPooling(DB, "shop", "READS_POOL")).isEqualTo("READS_POOL");
    world.data.addPostgres("shop", "postgresql-tiny-1", "essential-0");
    assertThatThrownBy(() -> pg.attachConnectionPooling("postgresql-tiny-1", "shop", null))
        .isInstanceOf(InvalidParamsException.class).hasMessageContaining("Essential");
  }
}
