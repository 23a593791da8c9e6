package io.herokusdk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptions are Serializable; the provider's errors must survive, e.g. across an RMI or a cache. */
class MailExceptionSerializationTest {

  @Test
  void rejectedMailKeepsTheProviderErrorsThroughSerialization() throws Exception {
    MailRejectedException sent = new MailRejectedException("SendGrid rejected the email", 400,
        List.of(new ProviderError("The from address does not match a verified Sender Identity.",
            "from", null)));

    MailRejectedException received = roundTrip(sent);

    assertThat(received.statusCode()).isEqualTo(400);
    assertThat(received.errors()).containsExactly(new ProviderError(
        "The from address does not match a verified Sender Identity.", "from", null));
  }

  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      T read = (T) in.readObject();
      return read;
    }
  }
}
