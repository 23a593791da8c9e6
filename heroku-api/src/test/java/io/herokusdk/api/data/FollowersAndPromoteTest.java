package io.herokusdk.api.data;

import static io.herokusdk.api.data.LinkedWorld.APP;
import static io.herokusdk.api.data.LinkedWorld.execute;
import static io.herokusdk.api.data.LinkedWorld.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.model.AddOn;
import io.herokusdk.api.workflow.AddOnProvisioningException;
import io.herokusdk.testing.herokuapi.BuildScript;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.herokuapi.StoredAttachment;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FollowersAndPromoteTest {
  @RegisterExtension final LinkedWorld world = new LinkedWorld();

  @Test
  void aFollowerIsCreatedAsAnAddOnAndWaitedForUntilAvailable() throws SQLException {
    String leader = world.provision("standard-0", "DATABASE");
    execute(world.configVar("DATABASE_URL"), "create table orders (id serial primary key, total int)",
        "insert into orders (total) values (10), (20)");
    List<String> progress = new ArrayList<>();

    AddOn follower = world.client().postgres().createFollower(APP, "DATABASE_URL", "standard-2",
        null, s -> progress.add(s.message()));

    assertThat(follower.plan().name()).isEqualTo("heroku-postgresql:standard-2");
    assertThat(progress).isNotEmpty();
    PostgresInfo info = world.client().postgres().info(follower.name());
    assertThat(info.waiting()).isFalse();
    assertThat(info.following()).isEqualTo(leader);
    assertThat(world.client().postgres().info(leader).followers()).containsExactly(follower.name());
    String followerUrl = world.data.url(follower.name());
    assertThat(queryLong(followerUrl, "select sum(total) from orders")).isEqualTo(30);
    assertThat(world.api.attachments(APP)).extracting(StoredAttachment::name)
        .contains("DATABASE").anyMatch(n -> n.startsWith("HEROKU_POSTGRESQL_"));
  }

  @Test
  void aFollowerReportsHowFarBehindItIsUntilCaughtUp() {
    world.provision("standard-0", "DATABASE");
    world.data.followerLag(500, Duration.ofMinutes(10));
    AddOn follower = world.client().postgres().createFollower(APP, "DATABASE_URL", "standard-2",
        null, s -> { });

    long first = world.client().postgres().info(follower.name()).behindByCommits().orElseThrow();
    world.clock.advance(Duration.ofMinutes(5));
    long later = world.client().postgres().info(follower.name()).behindByCommits().orElseThrow();
    world.clock.advance(Duration.ofMinutes(6));
    long caughtUp = world.client().postgres().info(follower.name()).behindByCommits()
        .orElseThrow();

    assertThat(first).isPositive();
    assertThat(later).isLessThan(first).isPositive();
    assertThat(caughtUp).isZero();
  }

  @Test
  void aForkIsAWritableCopyThatFollowsNothing() throws SQLException {
    world.provision("standard-0", "DATABASE");
    execute(world.configVar("DATABASE_URL"), "create table t (v text)", "insert into t values ('a')");

    AddOn fork = world.client().postgres().createFork(APP, "DATABASE_URL", "standard-0",
        "ANALYTICS", s -> { });

    assertThat(world.client().postgres().info(fork.name()).isFollower()).isFalse();
    String forkUrl = world.configVar("ANALYTICS_URL");
    execute(forkUrl, "insert into t values ('b')");
    assertThat(queryLong(forkUrl, "select count(*) from t")).isEqualTo(2);
    assertThat(queryLong(world.configVar("DATABASE_URL"), "select count(*) from t")).isEqualTo(1);
  }

  @Test
  void aFailedProvisioningIsATypedErrorWithTheProvidersMessage() {
    world.provision("standard-0", "DATABASE");
    world.api.failNextProvisioning("heroku-postgresql:standard-9", "plan not available in region");

    assertThatThrownBy(() -> world.client().postgres().createFollower(APP, "DATABASE_URL",
        "standard-9", null, s -> { }))
        .isInstanceOf(AddOnProvisioningException.class)
        .hasMessageContaining("plan not available in region");
  }

  @Test
  void promoteMakesTheFollowerDatabaseUrlAndKeepsTheOldOneAttached() throws SQLException {
    String old = world.provision("standard-0", "DATABASE");
    String oldUrl = world.configVar("DATABASE_URL");
    execute(oldUrl, "create table t (v text)", "insert into t values ('kept')");
    AddOn follower = world.client().postgres().createFollower(APP, "DATABASE_URL", "standard-2",
        null, s -> { });
    world.client().postgres().unfollow(follower.name());

    PromoteResult result = world.client().postgres().promote(APP, follower.name(), false);

    assertThat(result.promoted()).isEqualTo(follower.name());
    assertThat(result.previous()).isEqualTo(old);
    assertThat(result.stillFollowing()).isFalse();
    assertThat(result.previousAttachment()).startsWith("HEROKU_POSTGRESQL_");
    String newUrl = world.configVar("DATABASE_URL");
    assertThat(newUrl).isEqualTo(world.data.url(follower.name())).isNotEqualTo(oldUrl);
    assertThat(world.configVar(result.previousAttachment() + "_URL")).isEqualTo(oldUrl);
    execute(newUrl, "insert into t values ('new')");
    assertThat(queryLong(newUrl, "select count(*) from t")).isEqualTo(2);
  }

  @Test
  void promoteReusesTheOldPrimarysOtherAttachmentInsteadOfAddingOne() {
    world.provision("standard-0", "DATABASE");
    AddOn follower = world.client().postgres().createFollower(APP, "DATABASE_URL", "standard-2",
        "REPLICA", s -> { });
    AddOn other = world.client().postgres().createFork(APP, "DATABASE_URL", "standard-0",
        "SPARE", s -> { });
    world.client().postgres().promote(APP, other.name(), false);
    int attachmentsBefore = world.api.attachments(APP).size();

    PromoteResult back = world.client().postgres().promote(APP, "REPLICA", false);

    assertThat(back.promoted()).isEqualTo(follower.name());
    assertThat(back.previous()).isEqualTo(other.name());
    assertThat(back.previousAttachment()).isEqualTo("SPARE");
    assertThat(back.stillFollowing()).isTrue();
    assertThat(world.api.attachments(APP)).hasSize(attachmentsBefore);
  }

  @Test
  void promoteMovesTheConnectionPoolerToTheNewPrimary() {
    String old = world.provision("standard-0", "DATABASE");
    world.client().postgres().attachConnectionPooling(old, APP, null);
    AddOn follower = world.client().postgres().createFollower(APP, "DATABASE_URL", "standard-2",
        null, s -> { });

    PromoteResult result = world.client().postgres().promote(APP, follower.name(), false);

    assertThat(result.poolerMoved()).isTrue();
    assertThat(world.api.attachments(APP))
        .filteredOn(a -> a.name().equals("DATABASE_CONNECTION_POOL"))
        .singleElement().satisfies(a -> assertThat(a.addOnName()).isEqualTo(follower.name()));
  }

  @Test
  void promotingTheCurrentPrimaryOrAStrangerIsRefusedAndChangesNothing() {
    String old = world.provision("standard-0", "DATABASE");
    int requests = world.api.requestCount();

    assertThatThrownBy(() -> world.client().postgres().promote(APP, old, false))
        .isInstanceOf(PromoteException.class)
        .hasMessageContaining("already DATABASE_URL");
    assertThatThrownBy(() -> world.client().postgres().promote(APP, "postgresql-nope-1", false))
        .isInstanceOf(PromoteException.class)
        .hasMessageContaining("not attached to the app")
        .hasMessageContaining("heroku addons -a shop");
    assertThat(world.api.requests().subList(requests, world.api.requestCount()))
        .allMatch(r -> r.method().equals("GET"));
  }

  @Test
  void aDatabaseStillPreparingIsNotPromotedUnlessForced() {
    world.provision("standard-0", "DATABASE");
    world.api.provisioningDelay(Duration.ofSeconds(1));
    AddOn follower = world.heroku.workflows().withWaiter(world.clock.waiter(Duration.ofMinutes(1),
        Duration.ofSeconds(1))).addOns().createAndWait(APP, "heroku-postgresql:standard-2",
        java.util.Map.of("follow", "DATABASE_URL"), "REPLICA");
    world.data.provisioning(follower.name(), 0, Duration.ofMinutes(10));

    assertThatThrownBy(() -> world.client().postgres().promote(APP, follower.name(), false))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("cannot be promoted while");
    assertThat(world.configVar("DATABASE_URL")).isNotEqualTo(world.configVar("REPLICA_URL"));

    world.client().postgres().promote(APP, follower.name(), true);
    assertThat(world.configVar("DATABASE_URL")).isEqualTo(world.configVar("REPLICA_URL"));
  }

  @Test
  void aFailedAttachIsReportedAndDatabaseUrlIsUnchanged() {
    world.provision("standard-0", "DATABASE");
    String before = world.configVar("DATABASE_URL");
    AddOn follower = world.client().postgres().createFollower(APP, "DATABASE_URL", "standard-2",
        null, s -> { });
    world.api.failNextRequest("POST", "/addon-attachments",
        FakeHerokuApi.Answer.error(422, "invalid_params", "Attachment could not be created."));

    assertThatThrownBy(() -> world.client().postgres().promote(APP, follower.name(), false))
        .hasMessageContaining("Attachment could not be created");
    assertThat(world.configVar("DATABASE_URL")).isEqualTo(before);
  }

  @Test
  void withAReleasePhasePromoteWaitsForTheAttachRelease() {
    world.provision("standard-0", "DATABASE");
    world.api.setFormation(APP, "release", 0, "standard-1X");
    AddOn follower = world.client().postgres().createFollower(APP, "DATABASE_URL", "standard-2",
        null, s -> { });
    world.api.nextAttachRelease("DATABASE", BuildScript.succeeding().releasePhase("Migrating", "Done")
        .releasePendingFor(Duration.ofMinutes(2)));
    Instant start = world.clock.instant();

    world.client().postgres().promote(APP, follower.name(), false);

    assertThat(Duration.between(start, world.clock.instant())).isGreaterThanOrEqualTo(
        Duration.ofMinutes(2));
    assertThat(world.api.releases(APP)).last()
        .satisfies(r -> assertThat(r.status()).isEqualTo("succeeded"));
  }

  @Test
  void aFailedReleasePhaseAfterTheAttachIsAPromoteExceptionNamingTheRelease() {
    world.provision("standard-0", "DATABASE");
    world.api.setFormation(APP, "release", 0, "standard-1X");
    AddOn follower = world.client().postgres().createFollower(APP, "DATABASE_URL", "standard-2",
        null, s -> { });
    world.api.nextAttachRelease("DATABASE", BuildScript.succeeding().releasePhaseFails("migration failed"));

    assertThatThrownBy(() -> world.client().postgres().promote(APP, follower.name(), false))
        .isInstanceOf(PromoteException.class)
        .hasMessageContaining("Attach DATABASE")
        .hasMessageContaining("failed in its release phase")
        .hasMessageContaining("heroku releases:output");
  }
}
