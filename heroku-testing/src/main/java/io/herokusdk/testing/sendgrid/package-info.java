/**
 * {@link io.herokusdk.testing.sendgrid.FakeSendGrid}: a fake SendGrid v3 Mail Send API on a local
 * port, for tests of code that sends email.
 */
@NullMarked
package io.herokusdk.testing.sendgrid;

import org.jspecify.annotations.NullMarked;
