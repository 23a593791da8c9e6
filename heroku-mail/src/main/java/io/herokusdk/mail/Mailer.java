package io.herokusdk.mail;

import java.io.Closeable;
import java.util.List;

/**
 * Sends emails through one provider. Get one from {@link HerokuMail#fromEnv()}; in tests use
 * {@link InMemoryOutbox}. Implementations are thread-safe. Close it on shutdown to release its
 * connections; no threads outlive it.
 */
public interface Mailer extends Closeable {
  /**
   * Sends one email, retrying as its {@link MailRetryPolicy} allows.
   *
   * @param email the email, with at least one {@code to}
   * @return the provider's answer
   * @throws InvalidEmailException if the email has no {@code to} recipient or breaks a rule;
   *     nothing was sent
   * @throws MailRejectedException if the provider refused it (including
   *     {@link MailAuthenticationException} for a bad key)
   * @throws MailRateLimitedException if rate limited beyond what the policy waits for
   * @throws MailNotSentException if the provider could not be reached
   * @throws DeliveryUnknownException if the provider may or may not have accepted it
   */
  SendResult send(Email email);

  /**
   * Sends {@code content} to each recipient separately, personalised, in as few requests as the
   * provider allows (1000 recipients per request; 10,000 recipients take 10 requests).
   * {@code content} must have no to, cc or bcc. Recipients must be distinct. A chunk's failure is
   * reported in its {@link BulkResult.Chunk} and the remaining chunks are still sent, except
   * after an authentication failure or a rate limit the policy does not wait for.
   *
   * @param content what every recipient gets: sender, subject, bodies or template; no to, cc or bcc
   * @param recipients who gets it, each with their own values; at least one, each address once
   * @return one chunk per request, in order; check {@link BulkResult#allSent()}
   * @throws InvalidEmailException before anything is sent, if {@code content} or a recipient
   *     breaks a rule
   */
  BulkResult sendBulk(Email content, List<BulkRecipient> recipients);

  /**
   * Releases connections. Sending through an HTTP mailer ({@link SendGridMailer}, {@link
   * MailgunMailer}) after close throws {@link IllegalStateException}; the console and in-memory
   * mailers hold nothing and go on working.
   */
  @Override
  void close();
}
