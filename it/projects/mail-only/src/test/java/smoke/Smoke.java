package smoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herokusdk.core.ConfigVars;
import io.herokusdk.mail.Email;
import io.herokusdk.mail.HerokuMail;
import io.herokusdk.mail.Mailer;
import io.herokusdk.mail.SendGridMailer;
import io.herokusdk.core.Secret;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import java.util.Map;

/**
 * heroku-mail next to the app's own Jackson: no HttpClient or commons-logging comes with it, an
 * ObjectMapper round trip works (no stale jackson-core from the mail module), and an email
 * reaches heroku-testing's FakeSendGrid.
 */
public final class Smoke {
  public static void main(String[] args) throws Exception {
    for (String absent : new String[] {"org.apache.http.client.HttpClient",
        "org.apache.commons.logging.Log", "com.sendgrid.SendGrid"}) {
      try {
        Class.forName(absent, false, Smoke.class.getClassLoader());
        throw new IllegalStateException(absent + " is on the classpath: it can log the API key");
      } catch (ClassNotFoundException expected) {
        // heroku-mail sends with OkHttp, which logs no headers
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    Map<?, ?> back = mapper.readValue(mapper.writeValueAsString(Map.of("a", 1)), Map.class);
    if (!Integer.valueOf(1).equals(back.get("a"))) throw new IllegalStateException("Jackson: " + back);

    try (FakeSendGrid fake = FakeSendGrid.start();
        Mailer mailer = SendGridMailer.builder().apiKey(Secret.of(fake.apiKey()))
            .endpoint(fake.endpoint()).build()) {
      mailer.send(Email.builder().from("hi@example.com").to("ada@example.com")
          .subject("Hi").text("Welcome").build());
      if (fake.accepted().size() != 1) throw new IllegalStateException("fake got " + fake.accepted());
    }
    try (Mailer console = HerokuMail.fromConfig(ConfigVars.of(Map.of()))) {
      console.send(Email.builder().from("hi@example.com").to("ada@example.com")
          .subject("Hi").text("Welcome").build());
    }
    System.out.println("mail-only: Jackson round trip, FakeSendGrid accepted the email");
  }
}
