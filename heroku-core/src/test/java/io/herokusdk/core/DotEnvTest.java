package io.herokusdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code .env} format that {@code heroku local} reads, through {@link ConfigVars}. */
class DotEnvTest {
  private static final String PLANTED = "Pl4ntedS3cret";

  @TempDir Path dir;

  @Test
  void plainLinesCommentsAndBlankLines() throws IOException {
    ConfigVars vars = load("""
        # a comment
        PORT=5000

           # an indented comment
        WEB_CONCURRENCY = 2
        """);

    assertThat(vars.names()).containsExactly("PORT", "WEB_CONCURRENCY");
    assertThat(vars.get("PORT")).contains("5000");
    assertThat(vars.get("WEB_CONCURRENCY")).contains("2");
  }

  @Test
  void exportPrefix() throws IOException {
    ConfigVars vars = load("export DATABASE_URL=postgres://localhost/dev\nexport\tB=2\n");
    assertThat(vars.get("DATABASE_URL")).contains("postgres://localhost/dev");
    assertThat(vars.get("B")).contains("2");
  }

  @Test
  void aVarMayBeCalledExport() throws IOException {
    assertThat(load("export=1\n").get("export")).contains("1");
  }

  @Test
  void unquotedValuesAreTrimmedAndAHashAfterWhitespaceStartsAComment() throws IOException {
    ConfigVars vars = load("""
        A=  spaced value  \s
        B=value # a comment
        C=no#comment
        D=https://h/p#fragment
        E= # only a comment
        F=#not-a-comment
        """);

    assertThat(vars.get("A")).contains("spaced value");
    assertThat(vars.get("B")).contains("value");
    assertThat(vars.get("C")).contains("no#comment");
    assertThat(vars.get("D")).contains("https://h/p#fragment");
    assertThat(vars.get("E")).isEmpty();
    assertThat(vars.get("F")).contains("#not-a-comment");
  }

  @Test
  void singleQuotedValuesAreLiteral() throws IOException {
    ConfigVars vars = load("A='  keep \\n \"this\" # too '\nB='' \n");

    assertThat(vars.get("A")).contains("  keep \\n \"this\" # too ");
    assertThat(vars.get("B")).isEmpty();
  }

  @Test
  void doubleQuotedValuesUnderstandEscapes() throws IOException {
    ConfigVars vars = load("A=\"line1\\nline2\\t\\\"q\\\" back\\\\slash \\$ kept\" # comment\n");
    assertThat(vars.get("A")).contains("line1\nline2\t\"q\" back\\slash \\$ kept");
  }

  @Test
  void quotedValuesMaySpanLines() throws IOException {
    ConfigVars vars = load("""
        KEY="-----BEGIN KEY-----
        abc
        -----END KEY-----"
        SINGLE='one
        two'
        AFTER=yes
        """);

    assertThat(vars.get("KEY")).contains("-----BEGIN KEY-----\nabc\n-----END KEY-----");
    assertThat(vars.get("SINGLE")).contains("one\ntwo");
    assertThat(vars.get("AFTER")).contains("yes");
  }

  @Test
  void windowsLineEndingsAndAByteOrderMark() throws IOException {
    ConfigVars vars = load("\uFEFFA=1\r\nB=\"x\r\ny\"\r\n");
    assertThat(vars.get("A")).contains("1");
    assertThat(vars.get("B")).contains("x\ny");
  }

  @Test
  void theLastDefinitionWins() throws IOException {
    assertThat(load("A=1\nA=2\n").get("A")).contains("2");
  }

  @Test
  void variablesAreNotExpanded() throws IOException {
    assertThat(load("A=1\nB=${A}\n").get("B")).contains("${A}");
  }

  @Test
  void namesMayContainDotsAndDashes() throws IOException {
    assertThat(load("spring.datasource-x=1\n").get("spring.datasource-x")).contains("1");
  }

  @Test
  void aLineWithoutEqualsIsAnErrorNamingFileAndLineButNotTheText() throws IOException {
    assertDotEnvError("A=1\n\n" + PLANTED + "\n", "line 3 has no '=' after the name");
  }

  @Test
  void aLineNotStartingWithANameIsAnError() throws IOException {
    assertDotEnvError("A=1\n=" + PLANTED + "\n", "line 2 does not start with a name");
    assertDotEnvError("1A=" + PLANTED + "\n", "line 1 does not start with a name");
    assertDotEnvError("\"A\"=" + PLANTED + "\n", "line 1 does not start with a name");
  }

  @Test
  void anUnclosedDoubleQuoteIsAnErrorAtTheLineWhereTheValueStarts() throws IOException {
    InvalidConfigVarException e = assertDotEnvError(
        "A=1\nSECRET_KEY=\"" + PLANTED + "\nmore\nlines\n",
        "line 2 (SECRET_KEY) has a double-quoted value that is never closed");
    assertThat(e.configVar()).contains("SECRET_KEY");
  }

  @Test
  void anUnclosedSingleQuoteIsAnError() throws IOException {
    assertDotEnvError("SECRET_KEY='" + PLANTED + "\n",
        "line 1 (SECRET_KEY) has a single-quoted value that is never closed");
  }

  @Test
  void textAfterAClosingQuoteIsAnError() throws IOException {
    assertDotEnvError("A=\"x\ny\"" + PLANTED + "\n",
        "line 2 (A) has text after the closing quote of the value");
    assertDotEnvError("A='" + PLANTED + "'x\n", "line 1 (A) has text after the closing quote");
  }

  @Test
  void lineNumbersCountLinesInsideQuotedValues() throws IOException {
    assertDotEnvError("A=\"1\n2\n3\"\nB='4\n5'\n" + PLANTED + "\n", "line 6 has no '='");
  }

  @Test
  void invalidUtf8IsAnError() throws IOException {
    Path file = dir.resolve(".env");
    Files.write(file, new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> ConfigVars.builder().dotEnv(file).build())
        .isInstanceOf(InvalidConfigVarException.class)
        .hasMessage(file + " is not valid UTF-8; save it as UTF-8.");
  }

  @Test
  void anUnreadableFileIsAnUncheckedIoException() {
    assertThatThrownBy(() -> ConfigVars.builder().dotEnv(dir).build())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Could not read " + dir);
  }

  @Test
  void errorsComeFromBuild() throws IOException {
    Path file = Files.writeString(dir.resolve(".env"), "oops\n");
    ConfigVars.Builder builder = ConfigVars.builder().dotEnv(file);
    assertThatThrownBy(builder::build).isInstanceOf(InvalidConfigVarException.class);
  }

  private ConfigVars load(String content) throws IOException {
    Path file = dir.resolve(".env");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    ConfigVars vars = ConfigVars.builder().dotEnv(file).build();
    for (String name : vars.names()) {
      assertThat(vars.sourceOf(name)).contains(ConfigSource.DOT_ENV);
    }
    return vars;
  }

  private InvalidConfigVarException assertDotEnvError(String content, String expected)
      throws IOException {
    Path file = Files.writeString(dir.resolve(".env"), content);
    InvalidConfigVarException e = null;
    try {
      ConfigVars.builder().dotEnv(file).build();
    } catch (InvalidConfigVarException thrown) {
      e = thrown;
    }
    assertThat(e).as("should fail").isNotNull();
    assertThat(e.getMessage())
        .startsWith(file + " " + expected)
        .doesNotContain(PLANTED);
    return e;
  }
}
