package io.herokusdk.mail;

import io.herokusdk.mail.internal.EmailRules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One email, provider-neutral and immutable. Build it with {@link #builder()}:
 *
 * <pre>{@code
 * Email welcome = Email.builder()
 *     .from("hello@example.com", "Example")
 *     .to("ada@example.com", "Ada Lovelace")
 *     .subject("Welcome!")
 *     .text("Thanks for signing up.")
 *     .html("<p>Thanks for signing up.</p>")
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks SendGrid's limits, which are the strictest of the supported
 * providers, and throws {@link InvalidEmailException} naming the field: at most 1000 recipients
 * (to + cc + bcc), each address at most once and of RFC 5321 syntax, a SendGrid request body
 * under 30,000,000 bytes, no empty attachment, at most 10 distinct categories, custom args under
 * 10,000 bytes, no {@code ;}, {@code ,}, line breaks or control characters in display names, a
 * body or a template, a subject unless a template is used, {@code sendAt} within 72 hours ahead
 * (and at most 5 minutes past), and the SendGrid-only fields ({@link Asm}, batch id, IP pool,
 * {@link TrackingSettings}, {@link MailSettings}, {@link ContentPart}s) within SendGrid's rules.
 * Recipients may be empty here (for {@link Mailer#sendBulk}); {@link Mailer#send} requires at
 * least one {@code to}.
 */
public final class Email {
  private final Address from;
  private final List<Address> replyTo;
  private final List<Address> to;
  private final List<Address> cc;
  private final List<Address> bcc;
  private final @Nullable String subject;
  private final @Nullable String text;
  private final @Nullable String html;
  private final List<Attachment> attachments;
  private final @Nullable String templateId;
  private final Map<String, @Nullable Object> templateData;
  private final List<String> categories;
  private final Map<String, String> customArgs;
  private final @Nullable Instant sendAt;
  private final Map<String, String> headers;
  private final List<ContentPart> contents;
  private final @Nullable Asm asm;
  private final @Nullable String batchId;
  private final @Nullable String ipPoolName;
  private final @Nullable TrackingSettings trackingSettings;
  private final @Nullable MailSettings mailSettings;
  private final Clock clock;

  private Email(Builder b) {
    this.from = EmailRules.requireFrom(b.from);
    this.replyTo = List.copyOf(b.replyTo);
    this.to = List.copyOf(b.to);
    this.cc = List.copyOf(b.cc);
    this.bcc = List.copyOf(b.bcc);
    this.subject = b.subject;
    this.text = b.text;
    this.html = b.html;
    this.attachments = List.copyOf(b.attachments);
    this.templateId = b.templateId;
    this.templateData = Collections.unmodifiableMap(new LinkedHashMap<>(b.templateData));
    this.categories = List.copyOf(b.categories);
    this.customArgs = Collections.unmodifiableMap(new LinkedHashMap<>(b.customArgs));
    this.sendAt = b.sendAt;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.contents = List.copyOf(b.contents);
    this.asm = b.asm;
    this.batchId = b.batchId;
    this.ipPoolName = b.ipPoolName;
    this.trackingSettings = b.trackingSettings;
    this.mailSettings = b.mailSettings;
    this.clock = b.clock;
  }

  /**
   * Returns a new, empty builder.
   *
   * @return a builder with nothing set; {@link Builder#from(String) from} is required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this email's values.
   *
   * @return a new builder; changing it leaves this email as it is
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.from = from;
    b.replyTo.addAll(replyTo);
    b.to.addAll(to);
    b.cc.addAll(cc);
    b.bcc.addAll(bcc);
    b.subject = subject;
    b.text = text;
    b.html = html;
    b.attachments.addAll(attachments);
    b.templateId = templateId;
    b.templateData.putAll(templateData);
    b.categories.addAll(categories);
    b.customArgs.putAll(customArgs);
    b.sendAt = sendAt;
    b.headers.putAll(headers);
    b.contents.addAll(contents);
    b.asm = asm;
    b.batchId = batchId;
    b.ipPoolName = ipPoolName;
    b.trackingSettings = trackingSettings;
    b.mailSettings = mailSettings;
    b.clock = clock;
    return b;
  }

  /**
   * The sender.
   *
   * @return the sender; never null
   */
  public Address from() {
    return from;
  }

  /**
   * Where replies go, if not to the sender: the first of {@link #replyToList()}.
   *
   * @return the first reply-to address, or empty if replies go to the sender
   */
  public Optional<Address> replyTo() {
    return replyTo.isEmpty() ? Optional.empty() : Optional.of(replyTo.get(0));
  }

  /**
   * Every reply-to address (SendGrid {@code reply_to} for one, {@code reply_to_list} for more;
   * Mailgun {@code h:Reply-To}).
   *
   * @return the reply-to addresses in the order set, at most 1000; empty if replies go to the
   *     sender; immutable
   */
  public List<Address> replyToList() {
    return replyTo;
  }

  /**
   * The visible recipients.
   *
   * @return the {@code to} addresses in the order added; empty for a bulk send's content; immutable
   */
  public List<Address> to() {
    return to;
  }

  /**
   * The copied recipients.
   *
   * @return the {@code cc} addresses in the order added; immutable
   */
  public List<Address> cc() {
    return cc;
  }

  /**
   * The blind-copied recipients.
   *
   * @return the {@code bcc} addresses in the order added; immutable
   */
  public List<Address> bcc() {
    return bcc;
  }

  /**
   * The number of recipients: to + cc + bcc.
   *
   * @return the total, from 0 to 1000
   */
  public int recipientCount() {
    return to.size() + cc.size() + bcc.size();
  }

  /**
   * The subject line; may be absent when a template provides it.
   *
   * @return the subject, or empty if unset
   */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /**
   * The plain-text body.
   *
   * @return the text/plain body, or empty if unset; never an empty string
   */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /**
   * The HTML body.
   *
   * @return the HTML body, or empty if unset; never an empty string
   */
  public Optional<String> html() {
    return Optional.ofNullable(html);
  }

  /**
   * The attachments, regular and inline.
   *
   * @return the attachments in the order added; immutable
   */
  public List<Attachment> attachments() {
    return attachments;
  }

  /**
   * The provider's template id (a SendGrid dynamic template id like {@code d-...}).
   *
   * @return the template id, or empty if the email carries its own bodies
   */
  public Optional<String> templateId() {
    return Optional.ofNullable(templateId);
  }

  /**
   * The values the template fills in; JSON-like: strings, numbers, booleans, maps and lists.
   *
   * @return the values by name, in the order set; values may be null; unmodifiable
   */
  public Map<String, @Nullable Object> templateData() {
    return templateData;
  }

  /**
   * The categories (SendGrid) or tags (Mailgun), for statistics.
   *
   * @return the categories in the order added, at most 10, each once; immutable
   */
  public List<String> categories() {
    return categories;
  }

  /**
   * Values echoed back in the provider's event webhooks (Mailgun: {@code v:} variables).
   *
   * @return the args by name, in the order set; under 10,000 bytes as JSON; unmodifiable
   */
  public Map<String, String> customArgs() {
    return customArgs;
  }

  /**
   * When the provider should send it, if scheduled.
   *
   * @return the send time, or empty to send now
   */
  public Optional<Instant> sendAt() {
    return Optional.ofNullable(sendAt);
  }

  /**
   * Extra MIME headers.
   *
   * @return the headers by name, in the order set; unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Bodies in other MIME types than text/plain and text/html, in the order added.
   *
   * @return the extra bodies; empty if the email has only text and HTML bodies; immutable
   */
  public List<ContentPart> contents() {
    return contents;
  }

  /**
   * SendGrid's unsubscribe group settings ({@code asm}), if set.
   *
   * @return the unsubscribe group settings, or empty
   */
  public Optional<Asm> asm() {
    return Optional.ofNullable(asm);
  }

  /**
   * SendGrid's batch id, to pause or cancel a scheduled send, if set.
   *
   * @return the batch id, or empty
   */
  public Optional<String> batchId() {
    return Optional.ofNullable(batchId);
  }

  /**
   * The SendGrid IP pool to send from, if set.
   *
   * @return the pool's name, or empty for the account's default
   */
  public Optional<String> ipPoolName() {
    return Optional.ofNullable(ipPoolName);
  }

  /**
   * Click, open, subscription and Google Analytics tracking, if set.
   *
   * @return the settings, or empty to follow the account's
   */
  public Optional<TrackingSettings> trackingSettings() {
    return Optional.ofNullable(trackingSettings);
  }

  /**
   * SendGrid's mail settings (bypasses, footer, sandbox) for this email, if set.
   *
   * @return the settings, or empty to follow the account's
   */
  public Optional<MailSettings> mailSettings() {
    return Optional.ofNullable(mailSettings);
  }

  /**
   * Returns the sender, recipients, subject and sizes; never bodies or attachment bytes, which
   * may hold personal data.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Email{from=").append(from).append(", to=").append(to);
    if (!cc.isEmpty()) s.append(", cc=").append(cc);
    if (!bcc.isEmpty()) s.append(", bcc=").append(bcc.size()).append(" addresses");
    if (subject != null) s.append(", subject=\"").append(subject).append('"');
    if (templateId != null) s.append(", templateId=").append(templateId);
    if (text != null) s.append(", text=").append(text.length()).append(" chars");
    if (html != null) s.append(", html=").append(html.length()).append(" chars");
    if (!contents.isEmpty()) s.append(", contents=").append(contents);
    if (!attachments.isEmpty()) s.append(", attachments=").append(attachments);
    return s.append('}').toString();
  }

  /** Builds an {@link Email}; not thread-safe. */
  public static final class Builder {
    private @Nullable Address from;
    private final List<Address> replyTo = new ArrayList<>();
    private final List<Address> to = new ArrayList<>();
    private final List<Address> cc = new ArrayList<>();
    private final List<Address> bcc = new ArrayList<>();
    private @Nullable String subject;
    private @Nullable String text;
    private @Nullable String html;
    private final List<Attachment> attachments = new ArrayList<>();
    private @Nullable String templateId;
    private final Map<String, @Nullable Object> templateData = new LinkedHashMap<>();
    private final List<String> categories = new ArrayList<>();
    private final Map<String, String> customArgs = new LinkedHashMap<>();
    private @Nullable Instant sendAt;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<ContentPart> contents = new ArrayList<>();
    private @Nullable Asm asm;
    private @Nullable String batchId;
    private @Nullable String ipPoolName;
    private @Nullable TrackingSettings trackingSettings;
    private @Nullable MailSettings mailSettings;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the sender. Required.
     *
     * @param from the sender; not null
     * @return this builder
     */
    public Builder from(Address from) {
      this.from = Objects.requireNonNull(from, "from == null");
      return this;
    }

    /**
     * Sets the sender's address. Required.
     *
     * @param email the sender's address, like {@code hello@example.com}
     * @return this builder
     */
    public Builder from(String email) {
      return from(Address.of(email));
    }

    /**
     * Sets the sender's address and display name. Required.
     *
     * @param email the sender's address, like {@code hello@example.com}
     * @param name the sender's display name, like {@code Example}; null or blank for none
     * @return this builder
     */
    public Builder from(String email, String name) {
      return from(Address.of(email, name));
    }

    /**
     * Sets where replies go, replacing any earlier reply-to addresses.
     *
     * @param replyTo the address replies go to; not null
     * @return this builder
     */
    public Builder replyTo(Address replyTo) {
      Objects.requireNonNull(replyTo, "replyTo == null");
      this.replyTo.clear();
      this.replyTo.add(replyTo);
      return this;
    }

    /**
     * Sets several reply-to addresses (SendGrid {@code reply_to_list}, at most 1000, each once),
     * replacing any earlier ones.
     *
     * @param replyTo the reply-to addresses, in order, none null; an empty list sends replies to
     *     the sender
     * @return this builder
     */
    public Builder replyToList(List<Address> replyTo) {
      List<Address> copy = List.copyOf(replyTo);
      this.replyTo.clear();
      this.replyTo.addAll(copy);
      return this;
    }

    /**
     * Sets where replies go.
     *
     * @param email the address replies go to, replacing any earlier reply-to addresses
     * @return this builder
     */
    public Builder replyTo(String email) {
      return replyTo(Address.of(email));
    }

    /**
     * Adds a visible recipient.
     *
     * @param address the recipient; not null
     * @return this builder
     */
    public Builder to(Address address) {
      to.add(Objects.requireNonNull(address, "address == null"));
      return this;
    }

    /**
     * Adds a visible recipient.
     *
     * @param email the recipient's address, like {@code ada@example.com}
     * @return this builder
     */
    public Builder to(String email) {
      return to(Address.of(email));
    }

    /**
     * Adds a visible recipient with a display name.
     *
     * @param email the recipient's address, like {@code ada@example.com}
     * @param name the recipient's display name, like {@code Ada Lovelace}; null or blank for none
     * @return this builder
     */
    public Builder to(String email, String name) {
      return to(Address.of(email, name));
    }

    /**
     * Adds visible recipients.
     *
     * @param addresses the recipients, added in order; none null
     * @return this builder
     */
    public Builder to(List<Address> addresses) {
      addresses.forEach(this::to);
      return this;
    }

    /**
     * Adds a copied recipient.
     *
     * @param address the recipient; not null
     * @return this builder
     */
    public Builder cc(Address address) {
      cc.add(Objects.requireNonNull(address, "address == null"));
      return this;
    }

    /**
     * Adds a copied recipient.
     *
     * @param email the recipient's address, like {@code ada@example.com}
     * @return this builder
     */
    public Builder cc(String email) {
      return cc(Address.of(email));
    }

    /**
     * Adds a blind-copied recipient.
     *
     * @param address the recipient; not null
     * @return this builder
     */
    public Builder bcc(Address address) {
      bcc.add(Objects.requireNonNull(address, "address == null"));
      return this;
    }

    /**
     * Adds a blind-copied recipient.
     *
     * @param email the recipient's address, like {@code ada@example.com}
     * @return this builder
     */
    public Builder bcc(String email) {
      return bcc(Address.of(email));
    }

    /**
     * Removes all to, cc and bcc recipients.
     *
     * @return this builder
     */
    public Builder clearRecipients() {
      to.clear();
      cc.clear();
      bcc.clear();
      return this;
    }

    /**
     * Sets the subject line.
     *
     * @param subject the subject, without line breaks; required unless a template supplies it
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /**
     * Sets the plain-text body.
     *
     * @param text the text/plain body; not empty
     * @return this builder
     */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /**
     * Sets the HTML body.
     *
     * @param html the HTML body; not empty
     * @return this builder
     */
    public Builder html(String html) {
      this.html = html;
      return this;
    }

    /**
     * Adds an attachment.
     *
     * @param attachment a regular or inline attachment; not empty
     * @return this builder
     */
    public Builder attach(Attachment attachment) {
      attachments.add(Objects.requireNonNull(attachment, "attachment == null"));
      return this;
    }

    /**
     * Uses the provider's template with this id instead of (or as well as) bodies.
     *
     * @param templateId the template's id, like SendGrid's {@code d-...}; not blank
     * @return this builder
     */
    public Builder templateId(String templateId) {
      this.templateId = templateId;
      return this;
    }

    /**
     * Sets one value the template fills in (string, number, boolean, map, list or null).
     *
     * @param key the name the template uses for the value
     * @param value the value, replacing any earlier one for {@code key}
     * @return this builder
     */
    public Builder templateData(String key, @Nullable Object value) {
      templateData.put(Objects.requireNonNull(key, "key == null"), value);
      return this;
    }

    /**
     * Sets values the template fills in.
     *
     * @param data values by name, each replacing any earlier one for its name; same value types as
     *     {@link #templateData(String, Object)}
     * @return this builder
     */
    public Builder templateData(Map<String, ?> data) {
      data.forEach(this::templateData);
      return this;
    }

    /**
     * Adds a category (SendGrid) or tag (Mailgun).
     *
     * @param category 1 to 255 characters; at most 10 categories, each once
     * @return this builder
     */
    public Builder category(String category) {
      categories.add(Objects.requireNonNull(category, "category == null"));
      return this;
    }

    /**
     * Sets a custom arg, echoed back in event webhooks.
     *
     * @param key the arg's name
     * @param value the arg's value, replacing any earlier one for {@code key}; all args together
     *     must stay under 10,000 bytes as JSON
     * @return this builder
     */
    public Builder customArg(String key, String value) {
      customArgs.put(
          Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Schedules the email; null sends it now. {@link #build()} refuses a time more than 72
     * hours ahead (SendGrid's limit) or more than 5 minutes past.
     *
     * @param sendAt when the provider should send the email, or null to send it now
     * @return this builder
     */
    public Builder sendAt(@Nullable Instant sendAt) {
      this.sendAt = sendAt;
      return this;
    }

    /**
     * Adds a body in another MIME type, like {@code text/calendar; method=REQUEST} or
     * {@link ContentPart#AMP}. SendGrid gets text/plain first, then AMP, then text/html, then
     * the others in the order added.
     *
     * @param type the MIME type, with parameters if any; not text/plain or text/html, and each type
     *     only once
     * @param value the body; not empty
     * @return this builder
     */
    public Builder content(String type, String value) {
      contents.add(new ContentPart(type, value));
      return this;
    }

    /**
     * Sets SendGrid's unsubscribe group ({@code asm}).
     *
     * @param asm the group the email belongs to and the groups to display; Mailgun refuses it
     * @return this builder
     */
    public Builder asm(Asm asm) {
      this.asm = asm;
      return this;
    }

    /**
     * Puts the email in a SendGrid batch ({@code batch_id}), to pause or cancel it.
     *
     * @param batchId an id from SendGrid's {@code POST /v3/mail/batch}: printable ASCII, no spaces
     * @return this builder
     */
    public Builder batchId(String batchId) {
      this.batchId = batchId;
      return this;
    }

    /**
     * Sends from this SendGrid IP pool ({@code ip_pool_name}, 2–64 characters).
     *
     * @param ipPoolName the pool's name, as set up in SendGrid
     * @return this builder
     */
    public Builder ipPoolName(String ipPoolName) {
      this.ipPoolName = ipPoolName;
      return this;
    }

    /**
     * Sets tracking for this email.
     *
     * @param trackingSettings the settings; what they leave unset follows the account's
     * @return this builder
     */
    public Builder trackingSettings(TrackingSettings trackingSettings) {
      this.trackingSettings = trackingSettings;
      return this;
    }

    /**
     * Sets SendGrid's mail settings for this email.
     *
     * @param mailSettings the settings; what they leave unset follows the account's
     * @return this builder
     */
    public Builder mailSettings(MailSettings mailSettings) {
      this.mailSettings = mailSettings;
      return this;
    }

    /**
     * Sets the clock {@link #build()} checks {@code sendAt} against. For tests.
     *
     * @param clock the clock that says what "now" is; default {@link Clock#systemUTC()}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Adds a MIME header, like {@code List-Unsubscribe}.
     *
     * @param name the header's name: printable ASCII without {@code :}, and not one the provider
     *     sets itself, like {@code To}, {@code Subject} or {@code Content-Type}
     * @param value the header's value, without line breaks; replaces any earlier value for
     *     {@code name}
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(
          Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Checks the email against the rules in the {@link Email} description and returns it.
     *
     * @return the email
     * @throws InvalidEmailException naming the first field that breaks a rule
     */
    public Email build() {
      Email email = new Email(this);
      EmailRules.validate(email, clock);
      return email;
    }
  }
}
