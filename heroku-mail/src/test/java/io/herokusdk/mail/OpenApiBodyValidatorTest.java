package io.herokusdk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herokusdk.mail.internal.SendGridBody;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema check the fake runs on every body really catches schema violations. */
class OpenApiBodyValidatorTest {
  private OpenApiBodyValidator validator;

  @BeforeEach
  void load() {
    validator = OpenApiBodyValidator.load().orElse(null);
    assumeTrue(validator != null, OpenApiBodyValidator.RELATIVE_PATH + " is not present");
  }

  @Test
  void bodiesTheTransportWritesAreValid() {
    Email email = TestSupport.welcome().html("<p>x</p>").category("c").customArg("k", "v")
        .templateId("d-1").templateData("list", List.of(1, 2)).build();
    assertThat(validator.validate(SendGridBody.single(email, true))).isEmpty();
    Email content = Email.builder().from("a@example.com").subject("s").text("t").build();
    assertThat(validator.validate(SendGridBody.bulk(content,
        BulkSendTest.recipients(5), false))).isEmpty();
  }

  @Test
  void catchesMissingRequiredFieldsAndWrongTypes() {
    assertThat(validator.validate("{\"personalizations\":[{\"to\":[{\"email\":\"a@example.com\"}]}]}"))
        .anySatisfy(p -> assertThat(p).contains("missing required from"));
    assertThat(validator.validate("{\"personalizations\":[{\"to\":[{\"name\":\"x\"}]}],"
        + "\"from\":{\"email\":\"a@example.com\"},\"send_at\":\"tomorrow\"}"))
        .anySatisfy(p -> assertThat(p).contains("$.personalizations[0].to[0]: missing required email"))
        .anySatisfy(p -> assertThat(p).contains("$.send_at: expected integer"));
  }

  @Test
  void typesMessageLevelCustomArgsAsAStringWhichIsWhyTheTransportWritesThemPerPersonalization() {
    assertThat(validator.validate("{\"personalizations\":[{\"to\":[{\"email\":\"a@example.com\"}]}],"
        + "\"from\":{\"email\":\"b@example.com\"},\"custom_args\":" + "{\"k\":\"v\"}}"))
        .singleElement().satisfies(p -> assertThat(p).startsWith("$.custom_args: expected string"));
  }
}
