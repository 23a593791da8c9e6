/**
 * Email through SendGrid or Mailgun behind one {@link io.herokusdk.mail.Mailer}, from
 * {@link io.herokusdk.mail.HerokuMail#fromEnv()}; console and in-memory transports for
 * development and tests.
 */
@NullMarked
package io.herokusdk.mail;

import org.jspecify.annotations.NullMarked;
