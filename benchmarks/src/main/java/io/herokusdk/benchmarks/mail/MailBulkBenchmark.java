package io.herokusdk.benchmarks.mail;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import io.herokusdk.core.Secret;
import io.herokusdk.mail.Address;
import io.herokusdk.mail.BulkRecipient;
import io.herokusdk.mail.BulkResult;
import io.herokusdk.mail.SendGridMailer;
import io.herokusdk.testing.sendgrid.FakeSendGrid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends the same newsletter to N recipients against a local {@link FakeSendGrid}, two ways, in
 * one run: through the SDK's {@code sendBulk} (1000 personalizations per request), and as naive
 * code does with plain sendgrid-java (one {@code api()} call per recipient). Prints requests made
 * and wall time for each, and the ratios.
 *
 * <p>Usage: {@code MailBulkBenchmark [recipients, default 10000] [rounds, default 3]}
 */
public final class MailBulkBenchmark {
  private MailBulkBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<BulkRecipient> list = new ArrayList<>(recipients);
    for (int i = 0; i < recipients; i++) {
      list.add(BulkRecipient.of(Address.of("user" + i + "@example.com", "User " + i),
          Map.of("first_name", "User" + i)));
    }
    io.herokusdk.mail.Email content = io.herokusdk.mail.Email.builder()
        .from("news@example.com", "Example News")
        .subject("This month at Example")
        .text("Hello! Here is what happened this month.")
        .build();

    try (FakeSendGrid fake = FakeSendGrid.start()) {
      // Warm-up: JIT, connection set-up, class loading.
      runSdk(fake, content, list.subList(0, Math.min(2000, recipients)));
      runPlain(fake, Math.min(2000, recipients));

      long sdkBest = Long.MAX_VALUE;
      long plainBest = Long.MAX_VALUE;
      int sdkRequests = 0;
      int plainRequests = 0;
      for (int round = 0; round < rounds; round++) {
        fake.reset();
        long start = System.nanoTime();
        runSdk(fake, content, list);
        sdkBest = Math.min(sdkBest, System.nanoTime() - start);
        sdkRequests = fake.requestCount();
        check(fake, recipients, "SDK");

        fake.reset();
        start = System.nanoTime();
        runPlain(fake, recipients);
        plainBest = Math.min(plainBest, System.nanoTime() - start);
        plainRequests = fake.requestCount();
        check(fake, recipients, "plain sendgrid-java");
      }

      System.out.printf(Locale.ROOT, "%n%,d recipients, best of %d rounds, against FakeSendGrid "
          + "on loopback%n", recipients, rounds);
      System.out.printf(Locale.ROOT, "%-36s %10s %12s%n", "", "requests", "wall ms");
      System.out.printf(Locale.ROOT, "%-36s %,10d %,12.1f%n", "SDK sendBulk (1000 per request)",
          sdkRequests, sdkBest / 1e6);
      System.out.printf(Locale.ROOT, "%-36s %,10d %,12.1f%n",
          "plain sendgrid-java, 1 per recipient", plainRequests, plainBest / 1e6);
      System.out.printf(Locale.ROOT, "ratio plain/SDK: %.0fx the requests, %.1fx the wall time%n",
          (double) plainRequests / sdkRequests, (double) plainBest / sdkBest);
    }
  }

  private static void runSdk(FakeSendGrid fake, io.herokusdk.mail.Email content,
      List<BulkRecipient> list) {
    try (SendGridMailer mailer = SendGridMailer.builder()
        .apiKey(Secret.of(fake.apiKey())).endpoint(fake.endpoint()).build()) {
      BulkResult result = mailer.sendBulk(content, list);
      if (!result.allSent()) throw new IllegalStateException("SDK bulk failed: " + result);
    }
  }

  /** What naive code does: one Mail and one request per recipient, with plain sendgrid-java. */
  private static void runPlain(FakeSendGrid fake, int recipients) throws IOException {
    SendGrid sendGrid = new SendGrid(fake.apiKey(), true);
    sendGrid.setHost("127.0.0.1:" + fake.port());
    Email from = new Email("news@example.com", "Example News");
    Content text = new Content("text/plain", "Hello! Here is what happened this month.");
    for (int i = 0; i < recipients; i++) {
      Mail mail = new Mail(from, "This month at Example",
          new Email("user" + i + "@example.com", "User " + i), text);
      Request request = new Request();
      request.setMethod(Method.POST);
      request.setEndpoint("mail/send");
      request.setBody(mail.build());
      Response response = sendGrid.api(request);
      if (response.getStatusCode() != 202) {
        throw new IllegalStateException("plain send failed: " + response.getStatusCode()
            + " " + response.getBody());
      }
    }
  }

  private static void check(FakeSendGrid fake, int recipients, String who) {
    int accepted = fake.accepted().stream().mapToInt(m -> m.recipients().size()).sum();
    if (accepted != recipients) {
      throw new IllegalStateException(who + " delivered " + accepted + " of " + recipients);
    }
  }
}
