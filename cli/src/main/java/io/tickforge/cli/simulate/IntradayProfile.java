package io.tickforge.cli.simulate;

import java.time.Instant;
import java.time.zone.ZoneRules;

/**
 * The U-shaped intraday size multiplier of a {@link VolumeModel}, as a function of event time. Daylight saving
 * is honoured through the session zone's rules.
 */
final class IntradayProfile {
    private static final long DAY_MILLIS = 86_400_000L;

    private final ZoneRules rules;
    private final long openMillisOfDay;
    private final long sessionMillis;
    private final double openBoost;
    private final double closeBoost;
    private final double decayMillis;
    private final double offHoursFactor;

    IntradayProfile(VolumeModel model) {
        this.rules = model.sessionZone().getRules();
        this.openMillisOfDay = model.sessionOpen().toNanoOfDay() / 1_000_000L;
        this.sessionMillis = model.sessionLength().toMillis();
        this.openBoost = model.openBoost();
        this.closeBoost = model.closeBoost();
        this.decayMillis = model.boostDecay().toNanos() / 1e6;
        this.offHoursFactor = model.offHoursFactor();
    }

    /**
     * @param epochMillis event time
     * @return the size multiplier at that time: about 1 at midday, higher near the open and close
     */
    double at(long epochMillis) {
        long offsetMillis = rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
        long localMillisOfDay = Math.floorMod(epochMillis + offsetMillis, DAY_MILLIS);
        long sinceOpen = Math.floorMod(localMillisOfDay - openMillisOfDay, DAY_MILLIS);
        if (sinceOpen >= sessionMillis) {
            return offHoursFactor;
        }
        long untilClose = sessionMillis - sinceOpen;
        return 1 + openBoost * Math.exp(-sinceOpen / decayMillis) + closeBoost * Math.exp(-untilClose / decayMillis);
    }
}
