package io.herokusdk.mail;

import static io.herokusdk.mail.TestSupport.welcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herokusdk.core.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Display names that try to add recipients reach Mailgun as exactly the intended mailbox (each
 * address field parsed as an RFC 5322 address list, as Mailgun does), or are refused before any
 * request.
 */
class AddressInjectionTest {
  private final MockWebServer server = new MockWebServer();
  private MailgunMailer mailer;

  @BeforeEach
  void start() throws IOException {
    server.start();
    mailer = MailgunMailer.builder().apiKey(Secret.of("key-0123456789")).domain("mg.example.com")
        .endpoint(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() {
    mailer.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "x\" <evil@attacker.example>",
      "x\\\" <evil@attacker.example> \"y",
      "Ada \\\\\" <evil@attacker.example>",
      "<evil@attacker.example>",
      "\"\" evil@attacker.example",
      "=?UTF-8?B?ZXZpbEBhdHRhY2tlci5leGFtcGxl?=",
      "Zo\u00eb \u00dcnal \" <evil@attacker.example>",
      "\u4e2d\u6587\u540d\u5b57 \u4e2d\u6587\u540d\u5b57 \u4e2d\u6587\u540d\u5b57 "
          + "\u4e2d\u6587\u540d\u5b57 \u4e2d\u6587\u540d\u5b57 <evil@attacker.example>"})
  void aHostileDisplayNameStaysOneMailboxInEveryAddressField(String name) throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"<1@mg>\"}").build());
    Address ada = Address.of("ada@example.com", name);
    mailer.send(Email.builder().from(Address.of("hello@example.com", name)).to(ada)
        .cc(Address.of("bob@example.com", name)).bcc(Address.of("eve@example.com", name))
        .replyToList(List.of(Address.of("r1@example.com", name), Address.of("r2@example.com")))
        .subject("s").text("t").build());
    Map<String, List<String>> form = TestSupport.form(server.takeRequest());
    assertThat(parse(form.get("from").get(0))).containsExactly(
        Address.of("hello@example.com", name));
    assertThat(parse(form.get("to").get(0))).containsExactly(ada);
    assertThat(parse(form.get("cc").get(0))).containsExactly(Address.of("bob@example.com", name));
    assertThat(parse(form.get("bcc").get(0))).containsExactly(Address.of("eve@example.com", name));
    assertThat(parse(form.get("h:Reply-To").get(0))).containsExactly(
        Address.of("r1@example.com", name), Address.of("r2@example.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ada, <evil@attacker.example>", "Ada; x", "Ada\r\nBcc: evil@attacker.example",
      "Ada\nx", "Ada\u2028x", "Ada\u2029x", "Ada\u0000x", "Ada\u0085x"})
  void aNameThatCouldBreakTheHeaderIsRefusedBeforeAnyRequest(String name) {
    assertThatThrownBy(() -> mailer.send(welcome().clearRecipients()
        .to(Address.of("ada@example.com", name)).build()))
        .isInstanceOfSatisfying(InvalidEmailException.class,
            e -> assertThat(e.field()).isEqualTo("to[0].name"));
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x\" <evil@attacker.example>", "Zo\u00eb"})
  void theConsoleShowsTheSameEncodedMailbox(String name) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ConsoleMailer console = ConsoleMailer.to(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      console.send(welcome().clearRecipients().to(Address.of("ada@example.com", name)).build());
    }
    String to = bytes.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("To:")).findFirst().orElseThrow().substring(3).strip();
    assertThat(parse(to)).containsExactly(Address.of("ada@example.com", name));
  }

  /**
   * Parses an RFC 5322 address-list of name-addr / addr-spec mailboxes: quoted-strings with
   * backslash escapes, atoms, RFC 2047 B encoded-words (adjacent ones joined), angle addresses.
   */
  static List<Address> parse(String text) {
    List<Address> result = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      StringBuilder phrase = new StringBuilder();
      boolean lastWasEncoded = false;
      String email = null;
      while (i < n && text.charAt(i) != ',') {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t') {
          i++;
        } else if (c == '"') {
          StringBuilder word = new StringBuilder();
          i++;
          while (text.charAt(i) != '"') {
            if (text.charAt(i) == '\\') i++;
            word.append(text.charAt(i++));
          }
          i++;
          if (phrase.length() > 0) phrase.append(' ');
          phrase.append(word);
          lastWasEncoded = false;
        } else if (c == '<') {
          int end = text.indexOf('>', i);
          email = text.substring(i + 1, end);
          i = end + 1;
        } else {
          int end = i;
          while (end < n && " \t\",<".indexOf(text.charAt(end)) < 0) end++;
          String atom = text.substring(i, end);
          i = end;
          boolean encoded = atom.startsWith("=?UTF-8?B?") && atom.endsWith("?=");
          String word = encoded ? new String(Base64.getDecoder().decode(
              atom.substring(10, atom.length() - 2)), StandardCharsets.UTF_8) : atom;
          if (phrase.length() > 0 && !(encoded && lastWasEncoded)) phrase.append(' ');
          phrase.append(word);
          lastWasEncoded = encoded;
        }
      }
      i++;
      result.add(email == null ? Address.of(phrase.toString())
          : Address.of(email, phrase.length() == 0 ? null : phrase.toString()));
    }
    return result;
  }
}
