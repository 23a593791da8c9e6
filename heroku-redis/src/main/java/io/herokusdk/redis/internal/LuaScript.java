package io.herokusdk.redis.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script run with EVALSHA, falling back to EVAL when the server does not know it yet. */
public final class LuaScript {
  private final String source;
  private final String sha1;

  public LuaScript(String source) {
    this.source = source;
    try {
      this.sha1 = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the Java platform", e);
    }
  }

  /** Runs the script; the result type follows {@code type}. */
  public <T> T run(RedisCommands<String, String> commands, ScriptOutputType type, String[] keys,
      String... args) {
    try {
      return commands.evalsha(sha1, type, keys, args);
    } catch (RedisNoScriptException e) {
      return commands.eval(source, type, keys, args);
    }
  }
}
