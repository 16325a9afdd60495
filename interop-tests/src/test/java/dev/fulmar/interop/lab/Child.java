package dev.fulmar.interop.lab;

import java.time.Duration;

/** One CHILD_SA configuration ({@code children.<name>} of a swanctl.conf connection). */
public final class Child {
  private final String name;
  private final ConfTree tree = new ConfTree();

  private Child(String name) {
    this.name = name;
  }

  public static Child named(String name) {
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("child name must be [A-Za-z0-9_-]+: " + name);
    }
    return new Child(name);
  }

  public String name() {
    return name;
  }

  /** Any setting of the child, e.g. {@code set("mode", "transport")}. */
  public Child set(String key, String value) {
    tree.set(key, value);
    return this;
  }

  public Child localTs(String ts) {
    return set("local_ts", ts);
  }

  public Child remoteTs(String ts) {
    return set("remote_ts", ts);
  }

  /** ESP proposals, e.g. {@code "aes256gcm16,aes128gcm16"}; add a group for PFS on rekeying. */
  public Child espProposals(String proposals) {
    return set("esp_proposals", proposals);
  }

  public Child rekeyTime(Duration time) {
    return set("rekey_time", Connection.seconds(time));
  }

  public Child lifeTime(Duration time) {
    return set("life_time", Connection.seconds(time));
  }

  /** What to do when DPD declares the peer dead: clear, trap or restart. */
  public Child dpdAction(String action) {
    return set("dpd_action", action);
  }

  /** What to do when the peer closes the CHILD_SA: none, trap or start. */
  public Child closeAction(String action) {
    return set("close_action", action);
  }

  ConfTree tree() {
    return tree;
  }
}
