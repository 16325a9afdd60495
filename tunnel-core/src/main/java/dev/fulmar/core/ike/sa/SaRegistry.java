package dev.fulmar.core.ike.sa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IKE SAs of one session, by {@link SaId} and by our own SPI. Confined to the session's event
 * loop; timers that fire after an SA was removed find nothing and stop.
 */
public final class SaRegistry {
  private final Map<SaId, IkeSa> byId = new LinkedHashMap<>();
  private long nextId = 1;

  /** A fresh id for an SA about to be created. */
  public SaId newId() {
    return new SaId(nextId++);
  }

  public void add(IkeSa sa) {
    if (byId.putIfAbsent(sa.id(), sa) != null) {
      throw new IllegalStateException(sa.id() + " already registered");
    }
  }

  public Optional<IkeSa> find(SaId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The SA whose SPI on our side is {@code localSpi}. */
  public Optional<IkeSa> findByLocalSpi(long localSpi) {
    for (IkeSa sa : byId.values()) {
      if (sa.localSpi() == localSpi) {
        return Optional.of(sa);
      }
    }
    return Optional.empty();
  }

  /** Removes the SA; its timers become no-ops. Returns whether it was registered. */
  public boolean remove(SaId id) {
    IkeSa sa = byId.remove(id);
    if (sa != null) {
      sa.requests().cancelTimer();
      return true;
    }
    return false;
  }

  public List<IkeSa> all() {
    return new ArrayList<>(byId.values());
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }
}
