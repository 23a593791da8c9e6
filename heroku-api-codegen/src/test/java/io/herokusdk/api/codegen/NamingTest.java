package io.herokusdk.api.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamingTest {
  @Test
  void methodsAreTheCamelCasedLinkTitle() {
    assertThat(Naming.methodName("Info")).isEqualTo("info");
    assertThat(Naming.methodName("Batch Update")).isEqualTo("batchUpdate");
    assertThat(Naming.methodName("Create - Deprecated")).isEqualTo("createDeprecated");
    assertThat(Naming.methodName("List by Add-on")).isEqualTo("listByAddOn");
    assertThat(Naming.methodName("Get review app by app_id")).isEqualTo("getReviewAppByAppId");
    assertThat(Naming.methodName("Enable ACM")).isEqualTo("enableAcm");
  }

  @Test
  void accessorsArePluralExceptSingletonsAndMassNouns() {
    assertThat(Naming.accessor("app")).isEqualTo("apps");
    assertThat(Naming.accessor("config-var")).isEqualTo("configVars");
    assertThat(Naming.accessor("add-on-region-capability")).isEqualTo("addOnRegionCapabilities");
    assertThat(Naming.accessor("formation")).isEqualTo("formation");
    assertThat(Naming.accessor("account")).isEqualTo("account");
    assertThat(Naming.accessor("team-preferences")).isEqualTo("teamPreferences");
  }

  @Test
  void keywordsAndObjectMethodsGetASuffix() {
    assertThat(Naming.member("default")).isEqualTo("defaultValue");
    assertThat(Naming.member("ca_signed?")).isEqualTo("caSigned");
    assertThat(Naming.constant("heroku-managed")).isEqualTo("HEROKU_MANAGED");
    assertThat(Naming.constant("3")).isEqualTo("V_3");
  }
}
