package dev.fulmar.control.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code type} names of every message in this protocol version: the discriminator on the
 * wire. A name is never reused for another message.
 */
public final class MessageTypes {
  private static final Map<String, Class<? extends Message>> BY_NAME = new LinkedHashMap<>();
  private static final Map<Class<? extends Message>, String> BY_CLASS = new LinkedHashMap<>();

  static {
    // requests
    add("hello", Hello.class);
    add("list_profiles", ListProfiles.class);
    add("connect", Connect.class);
    add("disconnect", Disconnect.class);
    add("status", StatusRequest.class);
    add("subscribe", Subscribe.class);
    add("unsubscribe", Unsubscribe.class);
    add("answer_prompt", AnswerPrompt.class);
    add("diagnose", Diagnose.class);
    add("logs", GetLogs.class);
    add("bundle", GetBundle.class);
    add("get_policy", GetPolicy.class);
    add("set_policy", SetPolicy.class);
    add("save_system_profile", SaveSystemProfile.class);
    add("delete_system_profile", DeleteSystemProfile.class);
    // responses
    add("welcome", Welcome.class);
    add("profile_list", ProfileList.class);
    add("status_report", StatusReport.class);
    add("ok", Ok.class);
    add("error", ErrorReply.class);
    add("diagnose_report", DiagnoseReport.class);
    add("log_lines", LogLines.class);
    add("bundle_data", BundleData.class);
    add("policy_report", PolicyReport.class);
    // events
    add("state", StateEvent.class);
    add("stats", StatsEvent.class);
    add("log", LogEvent.class);
    add("prompt", PromptEvent.class);
  }

  private MessageTypes() {}

  private static void add(String name, Class<? extends Message> type) {
    BY_NAME.put(name, type);
    BY_CLASS.put(type, name);
  }

  /** The message class of a wire name. */
  public static Optional<Class<? extends Message>> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The wire name of a message class. */
  public static String nameOf(Class<? extends Message> type) {
    String name = BY_CLASS.get(type);
    if (name == null) {
      throw new IllegalArgumentException("no wire name for " + type.getName());
    }
    return name;
  }

  /** Every wire name with its class, requests first, then responses, then events. */
  public static Map<String, Class<? extends Message>> all() {
    return Collections.unmodifiableMap(BY_NAME);
  }
}
