package dev.pairingworker.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key, defined once: name, type, default, validation, documentation and whether
 * its value is a secret. The catalogue of keys is {@link WorkerSettings}; the reference
 * documentation is rendered from it.
 *
 * <p>A key has a literal default, a default derived from keys defined before it, or no default
 * (required).
 */
public final class ConfigKey<T> {
  private final String name;
  private final ValueType<T> type;
  private final String defaultText;
  private final Function<ConfigValues, Optional<T>> derivedDefault;
  private final String defaultDescription;
  private final Validator<T> validator;
  private final String doc;
  private final boolean secret;
  private final boolean emptyAllowed;

  private ConfigKey(Builder<T> builder) {
    this.name = builder.name;
    this.type = builder.type;
    this.defaultText = builder.defaultText;
    this.derivedDefault = builder.derivedDefault;
    this.defaultDescription = builder.defaultDescription;
    this.validator = builder.validator;
    this.doc = Objects.requireNonNull(builder.doc, "doc of " + name);
    this.secret = builder.secret;
    this.emptyAllowed = builder.emptyAllowed;
  }

  static <T> Builder<T> builder(String name, ValueType<T> type) {
    return new Builder<>(name, type);
  }

  /** The key as written in the properties file, e.g. {@code worker.max.in-flight}. */
  public String name() {
    return name;
  }

  /** The environment variable that overrides this key (see {@link EnvNames}). */
  public String envVariable() {
    return EnvNames.toEnv(name);
  }

  /** The type as the reference shows it, e.g. {@code duration} or {@code one of NA, EU, ...}. */
  public String typeName() {
    return type.name();
  }

  /** What the key means; the reference's description column. */
  public String doc() {
    return doc;
  }

  /** Whether the value must never be printed, in messages or in {@code toString()}. */
  public boolean secret() {
    return secret;
  }

  /** True when the key has neither a literal nor a derived default. */
  public boolean required() {
    return defaultText == null && derivedDefault == null;
  }

  /** The literal default as written in a properties file, e.g. {@code 30s}; empty if none. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultText);
  }

  /** How a derived default is computed, e.g. {@code from `pingone.region`}; empty if none. */
  public Optional<String> derivedDefault() {
    return Optional.ofNullable(defaultDescription);
  }

  /**
   * Parses and validates {@code text}.
   *
   * @throws ConfigException naming this key and, unless it is secret, the text
   */
  public T parse(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty() && !emptyAllowed) {
      throw new ConfigException(name + ": must not be empty");
    }
    try {
      T value = type.parse(stripped);
      validator.check(value);
      return value;
    } catch (InvalidValueException e) {
      String shown = secret ? "" : " '" + stripped + "'";
      throw new ConfigException(name + ": invalid value" + shown + ": " + e.reason());
    }
  }

  /**
   * The value from {@code text}, else the default; empty when a derived default's inputs were
   * invalid.
   */
  Optional<T> resolve(String text, ConfigValues resolved) {
    if (text != null) {
      return Optional.of(parse(text));
    }
    if (defaultText != null) {
      return Optional.of(parse(defaultText));
    }
    if (derivedDefault != null) {
      return derivedDefault.apply(resolved);
    }
    throw new ConfigException(
        name + ": required but not set; set it in the properties file or as " + envVariable());
  }

  @SuppressWarnings("unchecked") // values are stored only by put(ConfigKey<T>, T)
  T cast(Object value) {
    return (T) value;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Collects one key's definition; {@code doc} is mandatory. */
  static final class Builder<T> {
    private final String name;
    private final ValueType<T> type;
    private String defaultText;
    private Function<ConfigValues, Optional<T>> derivedDefault;
    private String defaultDescription;
    private Validator<T> validator = Validator.none();
    private String doc;
    private boolean secret;
    private boolean emptyAllowed;

    private Builder(String name, ValueType<T> type) {
      this.name = name;
      this.type = type;
    }

    Builder<T> defaultValue(String text) {
      this.defaultText = text;
      return this;
    }

    Builder<T> derivedDefault(String description, Function<ConfigValues, Optional<T>> derive) {
      this.defaultDescription = description;
      this.derivedDefault = derive;
      return this;
    }

    Builder<T> validator(Validator<T> validator) {
      this.validator = validator;
      return this;
    }

    Builder<T> doc(String doc) {
      this.doc = doc;
      return this;
    }

    Builder<T> secret() {
      this.secret = true;
      return this;
    }

    /** An empty value is a value (e.g. "no restriction"), passed to the type's parser. */
    Builder<T> emptyAllowed() {
      this.emptyAllowed = true;
      return this;
    }

    ConfigKey<T> build() {
      ConfigKey<T> key = new ConfigKey<>(this);
      if (defaultText != null) {
        key.parse(defaultText); // a broken default is a programming error: fail at class load
      }
      return key;
    }
  }
}
