package dev.fulmar.profiles.model;

import java.util.List;

/**
 * Which traffic goes through the tunnel. {@link Mode#FULL}: everything (minus {@code exclude});
 * {@link Mode#SPLIT}: only {@code include} (or, when it is empty, the subnets the gateway
 * announces), minus {@code exclude}.
 */
public record Routing(Mode mode, List<Subnet> include, List<Subnet> exclude) {

  /** Full or split tunnel. */
  public enum Mode {
    FULL("full"),
    SPLIT("split");

    private final String keyword;

    Mode(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  public static final Routing FULL_TUNNEL = new Routing(Mode.FULL, List.of(), List.of());

  public Routing {
    java.util.Objects.requireNonNull(mode, "mode");
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }
}
