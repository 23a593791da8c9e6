package io.herokusdk.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.api.model.AddOn;
import io.herokusdk.api.model.AddOnState;
import io.herokusdk.api.model.Domain;
import io.herokusdk.core.WaitTimeoutException;
import io.herokusdk.testing.herokuapi.FakeHerokuApi;
import io.herokusdk.testing.herokuapi.FakeHerokuApi.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AddOnsDomainsDynosTest {
  private static final String PLAN = "heroku-postgresql:essential-0";

  @RegisterExtension final FakeWorld world = new FakeWorld();

  @BeforeEach
  void app() {
    world.api.addApp("shop");
    world.api.provisioningDelay(Duration.ofSeconds(8));
  }

  @Test
  void anAddOnIsWaitedForWhileProvisioningAndItsConfigVarIsSet() {
    AddOn db = world.workflows().addOns().createAndWait("shop", PLAN, Map.of(), "DATABASE");

    assertThat(db.state()).isEqualTo(AddOnState.PROVISIONED);
    assertThat(db.configVars()).containsExactly("DATABASE_URL");
    assertThat(world.api.app("shop").configVars()).containsKey("DATABASE_URL");
    assertThat(world.api.requests()).extracting(FakeHerokuApi.ReceivedRequest::path)
        .filteredOn(p -> p.startsWith("/apps/" + world.api.app("shop").id() + "/addons/"))
        .hasSizeGreaterThan(1);
  }

  @Test
  void aDeprovisionedAddOnIsATypedFailureWithTheProvisionMessage() {
    world.api.failNextProvisioning(PLAN, "Region not available for this plan");

    assertThatThrownBy(() -> world.workflows().addOns().createAndWait("shop", PLAN, Map.of(),
        null))
        .isInstanceOfSatisfying(AddOnProvisioningException.class, e -> {
          assertThat(e.addOn().state()).isEqualTo(AddOnState.DEPROVISIONED);
          assertThat(e).hasMessageContaining("Region not available for this plan")
              .hasMessageContaining(PLAN).hasMessageContaining("shop");
        });
  }

  @Test
  void anAddOnStillProvisioningAtTheDeadlineRaisesWaitTimeout() {
    world.api.provisioningDelay(Duration.ofHours(1));
    assertThatThrownBy(() -> world.workflows(Duration.ofSeconds(10)).addOns()
        .createAndWait("shop", PLAN, Map.of(), null))
        .isInstanceOfSatisfying(WaitTimeoutException.class, e ->
            assertThat(e.lastState()).isInstanceOf(AddOn.class));
  }

  @Test
  void addOnsProvisionAsynchronously() throws Exception {
    Workflows workflows = world.ticking();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThat(workflows.addOns().createAsync("shop", PLAN, Map.of(), null, scheduler)
          .get(30, TimeUnit.SECONDS).state()).isEqualTo(AddOnState.PROVISIONED);
    } finally {
      scheduler.shutdown();
    }
    world.api.failNextProvisioning(PLAN, "no capacity");
    assertThatThrownBy(() -> workflows.addOns().createAsync("shop", PLAN, Map.of(), null)
        .get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(AddOnProvisioningException.class);
  }

  @Test
  void aDomainIsWaitedForUntilItsCertificateIsIssued() {
    Domain domain = world.workflows().domains().addAndWait("shop", "www.example.com");

    assertThat(domain.acmStatus()).isEqualTo(Domains.CERT_ISSUED);
    assertThat(domain.status()).isEqualTo("succeeded");
    assertThat(domain.cname()).endsWith(".herokudns.com");
    assertThat(world.api.requests().get(0).body()).contains("\"sni_endpoint\":null");
  }

  @Test
  void aFailedCertificateIsATypedFailureNamingTheDnsTarget() {
    world.api.failCertificate("www.example.com", "CNAME points elsewhere");

    assertThatThrownBy(() -> world.workflows().domains().addAndWait("shop", "www.example.com"))
        .isInstanceOfSatisfying(DomainCertificateException.class, e -> {
          assertThat(e.domain().acmStatusReason()).isEqualTo("CNAME points elsewhere");
          assertThat(e).hasMessageContaining("CNAME points elsewhere")
              .hasMessageContaining(e.domain().cname());
        });
  }

  @Test
  void scalesSeveralTypesInOneBatchUpdate() {
    world.workflows().dynos().scale("shop", Map.of("web", Dynos.Scale.of(2, "standard-2X"),
        "worker", Dynos.Scale.quantity(1)));

    assertThat(world.api.app("shop").formation().get("web").quantity()).isEqualTo(2);
    assertThat(world.api.app("shop").formation().get("web").size()).isEqualTo("standard-2X");
    assertThat(world.api.app("shop").formation().get("worker").quantity()).isEqualTo(1);
    assertThat(world.api.requests()).filteredOn(r -> r.method().equals("PATCH")).hasSize(1);
    assertThatThrownBy(() -> Dynos.Scale.quantity(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void maintenanceModeGoesOnAndOff() {
    assertThat(world.workflows().dynos().maintenance("shop", true).maintenance()).isTrue();
    assertThat(world.api.app("shop").maintenance()).isTrue();
    world.workflows().dynos().maintenance("shop", false);
    assertThat(world.api.app("shop").maintenance()).isFalse();
  }

  @Test
  void restartsAllDynosATypeOrOneDynoAndRetriesA503() {
    Dynos dynos = world.workflows().dynos();
    world.api.enqueue(Answer.unavailable());
    dynos.restart("shop");
    dynos.restart("shop", "web");
    dynos.restart("shop", "web.1");
    dynos.restart("shop", "web-58b9f7c6b5-x7k2p");  // a Fir dyno's name has no dot

    assertThat(world.api.requests()).extracting(r -> r.method() + " " + r.path() + " "
        + r.status()).containsExactly(
            "DELETE /apps/shop/dynos 503",
            "DELETE /apps/shop/dynos 202",
            "DELETE /apps/shop/formations/web 202",
            "DELETE /apps/shop/dynos/web.1 202",
            "DELETE /apps/shop/dynos/web-58b9f7c6b5-x7k2p 202");
  }
}
