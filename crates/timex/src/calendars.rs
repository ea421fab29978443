//! Calendar arithmetic for the holidays other calendars fix.
//!
//! The Julian, Hebrew and tabular Islamic calendars are exact arithmetic
//! (after Reingold and Dershowitz, *Calendrical Calculations*). The Chinese
//! and Hindu lunisolar calendars count from the sky, so they are computed
//! from the moments of new and full moons, of the December solstice and of
//! the sun entering each sign, after Meeus, *Astronomical Algorithms* (2nd
//! ed., chapters 25, 27, 47 and 49): those moments are good to a minute or
//! two, so a date can only be wrong when one falls within minutes of
//! midnight in the calendar's time zone.
//!
//! Days are R.D. numbers (day 1 is 1 January of year 1, proleptic
//! Gregorian); moments are Julian Days in Universal Time.

use jiff::civil::Date;
use jiff::ToSpan;

/// R.D. of 1970-01-01.
const UNIX_EPOCH_RD: i64 = 719_163;
/// The Julian Day at which R.D. 0 begins.
const RD_JULIAN_DAY: f64 = 1_721_424.5;
/// R.D. of 1 Tishri AM 1 (7 October 3761 BCE, Julian).
const HEBREW_EPOCH: i64 = -1_373_427;
/// R.D. of 1 Muharram AH 1 (16 July 622, Julian).
const ISLAMIC_EPOCH: i64 = 227_015;

fn date_from_fixed(fixed: i64) -> Option<Date> {
    Date::new(1970, 1, 1).ok()?.checked_add((fixed - UNIX_EPOCH_RD).days()).ok()
}

fn fixed_from_date(date: Date) -> Option<i64> {
    let since = Date::new(1970, 1, 1).ok()?.until((jiff::Unit::Day, date)).ok()?;
    Some(UNIX_EPOCH_RD + i64::from(since.get_days()))
}

/// The civil date of a day of the Julian calendar (astronomical years).
pub(crate) fn julian(year: i32, month: i8, day: i8) -> Option<Date> {
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    let after_february = match (m <= 2, y.rem_euclid(4) == 0) {
        (true, _) => 0,
        (false, true) => -1,
        (false, false) => -2,
    };
    // The Julian calendar's day 1 is R.D. -1.
    let fixed =
        -2 + 365 * (y - 1) + (y - 1).div_euclid(4) + (367 * m - 362).div_euclid(12) + after_february + d;
    date_from_fixed(fixed)
}

/// The civil date of a day of the Hebrew calendar. Months count from Nisan
/// (1); Tishri, where the year begins, is 7; Adar is 12, and in leap years
/// Adar II is 13.
pub(crate) fn hebrew(year: i32, month: u8, day: u8) -> Option<Date> {
    let year = i64::from(year);
    if year < 1 || !(1..=hebrew_last_month(year)).contains(&month) {
        return None;
    }
    let months_before: Vec<u8> = if month < 7 {
        (7..=hebrew_last_month(year)).chain(1..month).collect()
    } else {
        (7..month).collect()
    };
    let days_before: i64 = months_before.iter().map(|&m| hebrew_month_length(year, m)).sum();
    date_from_fixed(hebrew_new_year(year) + days_before + i64::from(day) - 1)
}

fn hebrew_leap_year(year: i64) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

fn hebrew_last_month(year: i64) -> u8 {
    if hebrew_leap_year(year) {
        13
    } else {
        12
    }
}

/// Days from the epoch to the molad of Tishri, put off a day when it falls
/// on a Sunday, Wednesday or Friday.
fn hebrew_elapsed_days(year: i64) -> i64 {
    let months = (235 * year - 234).div_euclid(19);
    let parts = 12_084 + 13_753 * months;
    let days = 29 * months + parts.div_euclid(25_920);
    if (3 * (days + 1)).rem_euclid(7) < 3 {
        days + 1
    } else {
        days
    }
}

/// The further delays that keep every year 353 to 385 days long.
fn hebrew_year_length_correction(year: i64) -> i64 {
    let (before, this, after) =
        (hebrew_elapsed_days(year - 1), hebrew_elapsed_days(year), hebrew_elapsed_days(year + 1));
    if after - this == 356 {
        2
    } else if this - before == 382 {
        1
    } else {
        0
    }
}

fn hebrew_new_year(year: i64) -> i64 {
    HEBREW_EPOCH + hebrew_elapsed_days(year) + hebrew_year_length_correction(year)
}

fn hebrew_month_length(year: i64, month: u8) -> i64 {
    let year_length = hebrew_new_year(year + 1) - hebrew_new_year(year);
    let short = match month {
        2 | 4 | 6 | 10 | 13 => true,
        12 => !hebrew_leap_year(year),
        // Marheshvan is long, and Kislev short, only in some years.
        8 => year_length % 10 != 5,
        9 => year_length % 10 == 3,
        _ => false,
    };
    if short {
        29
    } else {
        30
    }
}

/// The civil date of a day of the tabular Islamic calendar (the civil
/// epoch, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of each 30).
/// Where the month begins with the sighting of the crescent, the observed
/// day may be a day (rarely two) either side.
pub(crate) fn islamic(year: i32, month: u8, day: u8) -> Option<Date> {
    if year < 1 || !(1..=12).contains(&month) {
        return None;
    }
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    let fixed = ISLAMIC_EPOCH - 1
        + (y - 1) * 354
        + (3 + 11 * y).div_euclid(30)
        + 29 * (m - 1)
        + (6 * m - 1).div_euclid(11)
        + d;
    date_from_fixed(fixed)
}

// ---------------------------------------------------------------------------
// The sky.

/// Julian Day of 2000-01-01 12:00 TT.
const J2000: f64 = 2_451_545.0;
/// The mean length of a lunation, in days.
const SYNODIC_MONTH: f64 = 29.530_588_861;
/// The mean tropical year, in days.
const TROPICAL_YEAR: f64 = 365.242_19;

fn sin_deg(degrees: f64) -> f64 {
    degrees.to_radians().sin()
}

fn cos_deg(degrees: f64) -> f64 {
    degrees.to_radians().cos()
}

/// `c0 + c1 x + c2 x² + …`
fn polynomial(x: f64, coefficients: &[f64]) -> f64 {
    coefficients.iter().rev().fold(0.0, |sum, c| sum * x + c)
}

/// Julian centuries of TT since J2000.
fn centuries(julian_day_tt: f64) -> f64 {
    (julian_day_tt - J2000) / 36_525.0
}

/// The moment a local day begins, `offset_hours` ahead of UT.
fn day_start(fixed: i64, offset_hours: f64) -> f64 {
    fixed as f64 + RD_JULIAN_DAY - offset_hours / 24.0
}

/// The local day of a moment, `offset_hours` ahead of UT.
fn local_day(moment: f64, offset_hours: f64) -> i64 {
    (moment + offset_hours / 24.0 - RD_JULIAN_DAY).floor() as i64
}

/// ΔT = TT − UT in days, from Espenak and Meeus' polynomials (1900–2150)
/// and Morrison and Stephenson's parabola outside them; off by at most a
/// minute or so, which moves no date here.
fn delta_t(moment: f64) -> f64 {
    let year = 2000.0 + (moment - J2000) / 365.25;
    let seconds = match year {
        y if (1900.0..1920.0).contains(&y) => {
            polynomial(y - 1900.0, &[-2.79, 1.494_119, -0.059_893_9, 0.006_196_6, -0.000_197])
        }
        y if (1920.0..1941.0).contains(&y) => {
            polynomial(y - 1920.0, &[21.20, 0.844_93, -0.076_100, 0.002_093_6])
        }
        y if (1941.0..1961.0).contains(&y) => {
            polynomial(y - 1950.0, &[29.07, 0.407, -1.0 / 233.0, 1.0 / 2547.0])
        }
        y if (1961.0..1986.0).contains(&y) => {
            polynomial(y - 1975.0, &[45.45, 1.067, -1.0 / 260.0, -1.0 / 718.0])
        }
        y if (1986.0..2005.0).contains(&y) => {
            polynomial(y - 2000.0, &[63.86, 0.3345, -0.060_374, 0.001_727_5, 0.000_651_814, 0.000_023_735_99])
        }
        y if (2005.0..2050.0).contains(&y) => polynomial(y - 2000.0, &[62.92, 0.322_17, 0.005_589]),
        y if (2050.0..2150.0).contains(&y) => {
            -20.0 + 32.0 * ((y - 1820.0) / 100.0).powi(2) - 0.5628 * (2150.0 - y)
        }
        y => -20.0 + 32.0 * ((y - 1820.0) / 100.0).powi(2),
    };
    seconds / 86_400.0
}

/// The sun's apparent longitude in degrees (Meeus chapter 25, to 0°.01).
pub(crate) fn solar_longitude(moment: f64) -> f64 {
    let t = centuries(moment + delta_t(moment));
    let mean_longitude = polynomial(t, &[280.466_46, 36_000.769_83, 0.000_303_2]);
    let anomaly = polynomial(t, &[357.529_11, 35_999.050_29, -0.000_153_7]);
    let centre = polynomial(t, &[1.914_602, -0.004_817, -0.000_014]) * sin_deg(anomaly)
        + (0.019_993 - 0.000_101 * t) * sin_deg(2.0 * anomaly)
        + 0.000_289 * sin_deg(3.0 * anomaly);
    let node = 125.04 - 1_934.136 * t;
    (mean_longitude + centre - 0.005_69 - 0.004_78 * sin_deg(node)).rem_euclid(360.0)
}

/// The first moment at or after `after` at which the sun's longitude is
/// `degrees`.
pub(crate) fn solar_longitude_after(degrees: f64, after: f64) -> f64 {
    let rate = 360.0 / TROPICAL_YEAR;
    let mut moment = after + (degrees - solar_longitude(after)).rem_euclid(360.0) / rate;
    for _ in 0..5 {
        let error = (degrees - solar_longitude(moment) + 180.0).rem_euclid(360.0) - 180.0;
        moment += error / rate;
    }
    moment
}

/// Periodic terms of the December solstice (Meeus table 27.C): amplitude,
/// phase and rate in degrees per century.
const SOLSTICE_TERMS: [(f64, f64, f64); 24] = [
    (485.0, 324.96, 1_934.136),
    (203.0, 337.23, 32_964.467),
    (199.0, 342.08, 20.186),
    (182.0, 27.85, 445_267.112),
    (156.0, 73.14, 45_036.886),
    (136.0, 171.52, 22_518.443),
    (77.0, 222.54, 65_928.934),
    (74.0, 296.72, 3_034.906),
    (70.0, 243.58, 9_037.513),
    (58.0, 119.81, 33_718.147),
    (52.0, 297.17, 150.678),
    (50.0, 21.02, 2_281.226),
    (45.0, 247.54, 29_929.562),
    (44.0, 325.15, 31_555.956),
    (29.0, 60.93, 4_443.417),
    (18.0, 155.12, 67_555.328),
    (17.0, 288.79, 4_562.452),
    (16.0, 198.04, 62_894.029),
    (14.0, 199.76, 31_436.921),
    (12.0, 95.39, 14_577.848),
    (12.0, 287.11, 31_931.756),
    (12.0, 320.81, 34_777.259),
    (9.0, 227.73, 1_222.114),
    (8.0, 15.45, 16_859.074),
];

/// The moment of the December solstice of `year` (Meeus chapter 27, to
/// about a minute; valid 1000–3000).
pub(crate) fn december_solstice(year: i32) -> f64 {
    let y = f64::from(year - 2000) / 1000.0;
    let mean = polynomial(y, &[2_451_900.059_52, 365_242.740_49, -0.062_23, -0.008_23, 0.000_32]);
    let t = centuries(mean);
    let w = 35_999.373 * t - 2.47;
    let speed = 1.0 + 0.0334 * cos_deg(w) + 0.0007 * cos_deg(2.0 * w);
    let sum: f64 = SOLSTICE_TERMS.iter().map(|(a, b, c)| a * cos_deg(b + c * t)).sum();
    let moment_tt = mean + 0.000_01 * sum / speed;
    moment_tt - delta_t(moment_tt)
}

/// Periodic terms of a new or full moon (Meeus chapter 49): the new-moon
/// and full-moon coefficients, the power of E, and the multiples of M′, M,
/// F and Ω.
const PHASE_TERMS: [(f64, f64, i32, [f64; 4]); 25] = [
    (-0.407_20, -0.406_14, 0, [1.0, 0.0, 0.0, 0.0]),
    (0.172_41, 0.173_02, 1, [0.0, 1.0, 0.0, 0.0]),
    (0.016_08, 0.016_14, 0, [2.0, 0.0, 0.0, 0.0]),
    (0.010_39, 0.010_43, 0, [0.0, 0.0, 2.0, 0.0]),
    (0.007_39, 0.007_34, 1, [1.0, -1.0, 0.0, 0.0]),
    (-0.005_14, -0.005_15, 1, [1.0, 1.0, 0.0, 0.0]),
    (0.002_08, 0.002_09, 2, [0.0, 2.0, 0.0, 0.0]),
    (-0.001_11, -0.001_11, 0, [1.0, 0.0, -2.0, 0.0]),
    (-0.000_57, -0.000_57, 0, [1.0, 0.0, 2.0, 0.0]),
    (0.000_56, 0.000_56, 1, [2.0, 1.0, 0.0, 0.0]),
    (-0.000_42, -0.000_42, 0, [3.0, 0.0, 0.0, 0.0]),
    (0.000_42, 0.000_42, 1, [0.0, 1.0, 2.0, 0.0]),
    (0.000_38, 0.000_38, 1, [0.0, 1.0, -2.0, 0.0]),
    (-0.000_24, -0.000_24, 1, [2.0, -1.0, 0.0, 0.0]),
    (-0.000_17, -0.000_17, 0, [0.0, 0.0, 0.0, 1.0]),
    (-0.000_07, -0.000_07, 0, [1.0, 2.0, 0.0, 0.0]),
    (0.000_04, 0.000_04, 0, [2.0, 0.0, -2.0, 0.0]),
    (0.000_04, 0.000_04, 0, [0.0, 3.0, 0.0, 0.0]),
    (0.000_03, 0.000_03, 0, [1.0, 1.0, -2.0, 0.0]),
    (0.000_03, 0.000_03, 0, [2.0, 0.0, 2.0, 0.0]),
    (-0.000_03, -0.000_03, 0, [1.0, 1.0, 2.0, 0.0]),
    (0.000_03, 0.000_03, 0, [1.0, -1.0, 2.0, 0.0]),
    (-0.000_02, -0.000_02, 0, [1.0, -1.0, -2.0, 0.0]),
    (-0.000_02, -0.000_02, 0, [3.0, 1.0, 0.0, 0.0]),
    (0.000_02, 0.000_02, 0, [4.0, 0.0, 0.0, 0.0]),
];

/// The planetary corrections of every phase (Meeus chapter 49): amplitude,
/// and the argument's phase and rate in degrees per lunation.
const PLANETARY_TERMS: [(f64, f64, f64); 13] = [
    (0.000_165, 251.88, 0.016_321),
    (0.000_164, 251.83, 26.651_886),
    (0.000_126, 349.42, 36.412_478),
    (0.000_110, 84.66, 18.206_239),
    (0.000_062, 141.74, 53.303_771),
    (0.000_060, 207.14, 2.453_732),
    (0.000_056, 154.84, 7.306_860),
    (0.000_047, 34.52, 27.261_239),
    (0.000_042, 207.19, 0.121_824),
    (0.000_040, 291.34, 1.844_379),
    (0.000_037, 161.72, 24.198_154),
    (0.000_035, 239.56, 25.513_099),
    (0.000_023, 331.55, 3.592_518),
];

/// The moment of the new moon of lunation `k` (0 is the new moon of
/// 6 January 2000), or with `full` of the full moon after it (Meeus
/// chapter 49, to well under a minute).
fn moon_phase(k: i64, full: bool) -> f64 {
    let k = k as f64 + if full { 0.5 } else { 0.0 };
    let t = k / 1_236.85;
    let mean = polynomial(t, &[0.0, 0.0, 0.000_154_37, -0.000_000_150, 0.000_000_000_73])
        + 2_451_550.097_66
        + SYNODIC_MONTH * k;
    let e = polynomial(t, &[1.0, -0.002_516, -0.000_007_4]);
    let sun_anomaly = polynomial(t, &[2.5534 + 29.105_356_70 * k, 0.0, -0.000_001_4, -0.000_000_11]);
    let moon_anomaly =
        polynomial(t, &[201.5643 + 385.816_935_28 * k, 0.0, 0.010_758_2, 0.000_012_38, -0.000_000_058]);
    let latitude =
        polynomial(t, &[160.7108 + 390.670_502_84 * k, 0.0, -0.001_611_8, -0.000_002_27, 0.000_000_011]);
    let node = polynomial(t, &[124.7746 - 1.563_755_88 * k, 0.0, 0.002_067_2, 0.000_002_15]);
    let periodic: f64 = PHASE_TERMS
        .iter()
        .map(|(new, full_moon, e_power, [m1, m, f, o])| {
            let amplitude = if full { full_moon } else { new };
            let argument = m1 * moon_anomaly + m * sun_anomaly + f * latitude + o * node;
            amplitude * e.powi(*e_power) * sin_deg(argument)
        })
        .sum();
    let planetary = 0.000_325 * sin_deg(299.77 + 0.107_408 * k - 0.009_173 * t * t)
        + PLANETARY_TERMS.iter().map(|(a, phase, rate)| a * sin_deg(phase + rate * k)).sum::<f64>();
    let moment_tt = mean + periodic + planetary;
    moment_tt - delta_t(moment_tt)
}

/// The lunation whose new moon comes first at or after `moment`.
fn lunation_after(moment: f64) -> i64 {
    let mut k = ((moment - 2_451_550.1) / SYNODIC_MONTH).floor() as i64 - 1;
    while moon_phase(k, false) < moment {
        k += 1;
    }
    k
}

/// Periodic terms of the moon's longitude (Meeus table 47.A): multiples of
/// D, M, M′ and F, and the amplitude in millionths of a degree.
const LUNAR_LONGITUDE_TERMS: [(f64, f64, f64, f64, f64); 59] = [
    (0.0, 0.0, 1.0, 0.0, 6_288_774.0),
    (2.0, 0.0, -1.0, 0.0, 1_274_027.0),
    (2.0, 0.0, 0.0, 0.0, 658_314.0),
    (0.0, 0.0, 2.0, 0.0, 213_618.0),
    (0.0, 1.0, 0.0, 0.0, -185_116.0),
    (0.0, 0.0, 0.0, 2.0, -114_332.0),
    (2.0, 0.0, -2.0, 0.0, 58_793.0),
    (2.0, -1.0, -1.0, 0.0, 57_066.0),
    (2.0, 0.0, 1.0, 0.0, 53_322.0),
    (2.0, -1.0, 0.0, 0.0, 45_758.0),
    (0.0, 1.0, -1.0, 0.0, -40_923.0),
    (1.0, 0.0, 0.0, 0.0, -34_720.0),
    (0.0, 1.0, 1.0, 0.0, -30_383.0),
    (2.0, 0.0, 0.0, -2.0, 15_327.0),
    (0.0, 0.0, 1.0, 2.0, -12_528.0),
    (0.0, 0.0, 1.0, -2.0, 10_980.0),
    (4.0, 0.0, -1.0, 0.0, 10_675.0),
    (0.0, 0.0, 3.0, 0.0, 10_034.0),
    (4.0, 0.0, -2.0, 0.0, 8_548.0),
    (2.0, 1.0, -1.0, 0.0, -7_888.0),
    (2.0, 1.0, 0.0, 0.0, -6_766.0),
    (1.0, 0.0, -1.0, 0.0, -5_163.0),
    (1.0, 1.0, 0.0, 0.0, 4_987.0),
    (2.0, -1.0, 1.0, 0.0, 4_036.0),
    (2.0, 0.0, 2.0, 0.0, 3_994.0),
    (4.0, 0.0, 0.0, 0.0, 3_861.0),
    (2.0, 0.0, -3.0, 0.0, 3_665.0),
    (0.0, 1.0, -2.0, 0.0, -2_689.0),
    (2.0, 0.0, -1.0, 2.0, -2_602.0),
    (2.0, -1.0, -2.0, 0.0, 2_390.0),
    (1.0, 0.0, 1.0, 0.0, -2_348.0),
    (2.0, -2.0, 0.0, 0.0, 2_236.0),
    (0.0, 1.0, 2.0, 0.0, -2_120.0),
    (0.0, 2.0, 0.0, 0.0, -2_069.0),
    (2.0, -2.0, -1.0, 0.0, 2_048.0),
    (2.0, 0.0, 1.0, -2.0, -1_773.0),
    (2.0, 0.0, 0.0, 2.0, -1_595.0),
    (4.0, -1.0, -1.0, 0.0, 1_215.0),
    (0.0, 0.0, 2.0, 2.0, -1_110.0),
    (3.0, 0.0, -1.0, 0.0, -892.0),
    (2.0, 1.0, 1.0, 0.0, -810.0),
    (4.0, -1.0, -2.0, 0.0, 759.0),
    (0.0, 2.0, -1.0, 0.0, -713.0),
    (2.0, 2.0, -1.0, 0.0, -700.0),
    (2.0, 1.0, -2.0, 0.0, 691.0),
    (2.0, -1.0, 0.0, -2.0, 596.0),
    (4.0, 0.0, 1.0, 0.0, 549.0),
    (0.0, 0.0, 4.0, 0.0, 537.0),
    (4.0, -1.0, 0.0, 0.0, 520.0),
    (1.0, 0.0, -2.0, 0.0, -487.0),
    (2.0, 1.0, 0.0, -2.0, -399.0),
    (0.0, 0.0, 2.0, -2.0, -381.0),
    (1.0, 1.0, 1.0, 0.0, 351.0),
    (3.0, 0.0, -2.0, 0.0, -340.0),
    (4.0, 0.0, -3.0, 0.0, 330.0),
    (2.0, -1.0, 2.0, 0.0, 327.0),
    (0.0, 2.0, 1.0, 0.0, -323.0),
    (1.0, 1.0, -1.0, 0.0, 299.0),
    (2.0, 0.0, 3.0, 0.0, 294.0),
];

/// The moon's apparent longitude in degrees (Meeus chapter 47, to about
/// 10″).
fn lunar_longitude(moment: f64) -> f64 {
    let t = centuries(moment + delta_t(moment));
    let mean_longitude = polynomial(
        t,
        &[218.316_447_7, 481_267.881_234_21, -0.001_578_6, 1.0 / 538_841.0, -1.0 / 65_194_000.0],
    );
    let elongation = polynomial(
        t,
        &[297.850_192_1, 445_267.111_403_4, -0.001_881_9, 1.0 / 545_868.0, -1.0 / 113_065_000.0],
    );
    let sun_anomaly = polynomial(t, &[357.529_109_2, 35_999.050_290_9, -0.000_153_5, 1.0 / 24_490_000.0]);
    let moon_anomaly =
        polynomial(t, &[134.963_396_4, 477_198.867_505_5, 0.008_741_4, 1.0 / 69_699.0, -1.0 / 14_712_000.0]);
    let latitude = polynomial(
        t,
        &[93.272_095, 483_202.017_523_3, -0.003_653_9, -1.0 / 3_526_000.0, 1.0 / 863_310_000.0],
    );
    let e = polynomial(t, &[1.0, -0.002_516, -0.000_007_4]);
    let periodic: f64 = LUNAR_LONGITUDE_TERMS
        .iter()
        .map(|(d, m, m1, f, amplitude)| {
            let argument = d * elongation + m * sun_anomaly + m1 * moon_anomaly + f * latitude;
            amplitude * e.powi(m.abs() as i32) * sin_deg(argument)
        })
        .sum();
    let venus = 3_958.0 * sin_deg(119.75 + 131.849 * t);
    let flattening = 1_962.0 * sin_deg(mean_longitude - latitude);
    let jupiter = 318.0 * sin_deg(53.09 + 479_264.29 * t);
    let nutation = -0.004_78 * sin_deg(125.04 - 1_934.136 * t);
    (mean_longitude + (periodic + venus + flattening + jupiter) / 1e6 + nutation).rem_euclid(360.0)
}

/// How far the moon is ahead of the sun, in degrees (0 at new moon).
fn lunar_phase(moment: f64) -> f64 {
    (lunar_longitude(moment) - solar_longitude(moment)).rem_euclid(360.0)
}

/// The last moment before `before` at which the moon is `degrees` ahead
/// of the sun, where `before` is at most a day after it.
fn lunar_phase_before(degrees: f64, before: f64) -> f64 {
    let rate = 360.0 / SYNODIC_MONTH;
    let mut moment = before - (lunar_phase(before) - degrees).rem_euclid(360.0) / rate;
    for _ in 0..5 {
        let error = (degrees - lunar_phase(moment) + 180.0).rem_euclid(360.0) - 180.0;
        moment += error / rate;
    }
    moment
}

// ---------------------------------------------------------------------------
// The Chinese calendar.

/// China's civil calendar counts days in UTC+8 from 1929; before, in
/// Beijing's local mean time (116°25′ E).
fn china_offset(moment: f64) -> f64 {
    const JANUARY_1929: f64 = 2_425_612.5;
    if moment < JANUARY_1929 {
        7.0 + 45.0 / 60.0 + 40.0 / 3_600.0
    } else {
        8.0
    }
}

fn china_day(moment: f64) -> i64 {
    local_day(moment, china_offset(moment))
}

/// The lunation that begins the eleventh month of `year`: the month whose
/// days include the December solstice.
fn eleventh_month(year: i32) -> i64 {
    let solstice = december_solstice(year);
    let solstice_day = china_day(solstice);
    let mut k = lunation_after(solstice - SYNODIC_MONTH);
    while china_day(moon_phase(k + 1, false)) <= solstice_day {
        k += 1;
    }
    while china_day(moon_phase(k, false)) > solstice_day {
        k -= 1;
    }
    k
}

/// Whether the month that lunation `k` begins has no major solar term (the
/// sun reaching a multiple of 30°) on any of its days.
fn has_no_major_term(k: i64) -> bool {
    let first = china_day(moon_phase(k, false));
    let next = china_day(moon_phase(k + 1, false));
    let start = day_start(first, china_offset(moon_phase(k, false)));
    let term = (solar_longitude(start) / 30.0).floor() * 30.0 + 30.0;
    china_day(solar_longitude_after(term.rem_euclid(360.0), start)) >= next
}

/// Chinese New Year of `year`: the second new moon after the one that
/// begins the month of the December solstice, or the third when a leap
/// month (the first of a thirteen-month year with no major solar term)
/// comes between, as in 2033. Days are counted in China's time zone. The
/// rules are those of the calendar in use since 1645.
pub(crate) fn chinese_new_year(year: i32) -> Option<Date> {
    if !(1645..=3000).contains(&year) {
        return None;
    }
    let eleventh = eleventh_month(year - 1);
    let leap_year = eleventh_month(year) - eleventh == 13;
    let first = if leap_year && (has_no_major_term(eleventh + 1) || has_no_major_term(eleventh + 2)) {
        eleventh + 3
    } else {
        eleventh + 2
    };
    date_from_fixed(china_day(moon_phase(first, false)))
}

// ---------------------------------------------------------------------------
// The Hindu calendar.

/// India Standard Time, hours ahead of UT.
const IST: f64 = 5.5;

/// The Lahiri ayanamsa: how far the sidereal zodiac of Indian calendars
/// lags the tropical, in degrees (23°51′ at 2000, precessing 50.29″ a year).
fn ayanamsa(moment: f64) -> f64 {
    23.853 + 50.29 / 3_600.0 * (moment - J2000) / 365.25
}

/// The sign of the sidereal zodiac the sun is in (0 is Mesha, 6 Tula,
/// 10 Kumbha).
fn sidereal_sign(moment: f64) -> i64 {
    ((solar_longitude(moment) - ayanamsa(moment)).rem_euclid(360.0) / 30.0).floor() as i64
}

/// The lunations of `year` whose new moons come with the sun in sidereal
/// sign `sign`: a lunar month is named for the sign the sun is in when it
/// begins, and two beginning in one sign make the first a leap month.
fn lunations_in_sign(year: i32, sign: i64) -> Vec<i64> {
    let january = i16::try_from(year).ok().and_then(|y| Date::new(y, 1, 1).ok()).and_then(fixed_from_date);
    let Some(january) = january else {
        return Vec::new();
    };
    let first = lunation_after(day_start(january, IST));
    (first..first + 13).filter(|&k| sidereal_sign(moon_phase(k, false)) == sign).collect()
}

/// Diwali (Lakshmi Puja) of `year`: the day, in India, whose evening falls
/// in the new moon (amavasya) of the lunar month Ashvina that ends as
/// Kartika begins, Kartika being the month that begins with the sun in
/// sidereal Libra (mid-October to mid-November).
///
/// The amavasya is the time the moon takes to close the last 12° on the
/// sun; the day is the one of the two around the new moon whose evening
/// (taken as 17:40–20:04 IST, sunset and the pradosh after it in north
/// India) overlaps it the longer. Local sunsets and regional calendars can
/// put the festival a day either side of this.
pub(crate) fn diwali(year: i32) -> Option<Date> {
    const EVENING: (f64, f64) = (17.0 + 40.0 / 60.0, 20.0 + 4.0 / 60.0);
    if !(1000..=3000).contains(&year) {
        return None;
    }
    let k = *lunations_in_sign(year, 6).first()?;
    let new_moon = moon_phase(k, false);
    let amavasya = (lunar_phase_before(348.0, new_moon), new_moon);
    let new_moon_day = local_day(new_moon, IST);
    let overlap = |day: i64| {
        let start = day_start(day, IST) + EVENING.0 / 24.0;
        let end = day_start(day, IST) + EVENING.1 / 24.0;
        let overlap = end.min(amavasya.1) - start.max(amavasya.0);
        // An evening that misses it counts by how far it misses.
        if overlap > 0.0 {
            overlap
        } else {
            overlap.max(start - amavasya.1).max(amavasya.0 - end).min(0.0)
        }
    };
    let day =
        if overlap(new_moon_day - 1) >= overlap(new_moon_day) { new_moon_day - 1 } else { new_moon_day };
    date_from_fixed(day)
}

/// Holi (the festival of colours) of `year`: the day after the full moon of
/// Phalguna, the month that begins with the sun in sidereal Aquarius, when
/// the bonfire (Holika Dahan) is lit. When the full moon comes before 16:00
/// IST the bonfire is lit the evening before and Holi is the day of the
/// full moon; otherwise it is the next day. This reproduces the published
/// dates of 2010–2026; regional calendars can differ by a day.
pub(crate) fn holi(year: i32) -> Option<Date> {
    const CUTOFF_HOURS: f64 = 16.0;
    if !(1000..=3000).contains(&year) {
        return None;
    }
    // The last one: a leap Phalguna comes first, and Holi is in the other.
    let k = *lunations_in_sign(year, 10).last()?;
    let full_moon = moon_phase(k, true);
    date_from_fixed(local_day(full_moon, IST + 24.0 - CUTOFF_HOURS))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(year: i16, month: i8, day: i8) -> f64 {
        day_start(fixed_from_date(date(year, month, day)).unwrap(), 0.0)
    }

    fn minutes(hours: i32, minutes: i32) -> f64 {
        f64::from(hours * 60 + minutes) / 1_440.0
    }

    #[test]
    fn julian_dates() {
        // The day the Gregorian calendar began, and Julian Christmas now.
        assert_eq!(julian(1582, 10, 5), Some(date(1582, 10, 15)));
        assert_eq!(julian(2023, 12, 25), Some(date(2024, 1, 7)));
        assert_eq!(julian(2100, 12, 25), Some(date(2101, 1, 8)));
    }

    #[test]
    fn moments_of_the_sky() {
        // Meeus example 49.a: the new moon of 1977 February, JDE 2443192.65118.
        assert!((moon_phase(-283, false) + delta_t(2_443_192.65) - 2_443_192.651_18).abs() < 0.000_1);
        // Published (USNO) moments, in UT, to two minutes.
        let cases = [
            (moon_phase(lunation_after(at(2023, 11, 1)), false), at(2023, 11, 13) + minutes(9, 27)),
            (moon_phase(lunation_after(at(2024, 10, 20)), false), at(2024, 11, 1) + minutes(12, 47)),
            (moon_phase(lunation_after(at(2025, 2, 20)), true), at(2025, 3, 14) + minutes(6, 55)),
            (december_solstice(2000), at(2000, 12, 21) + minutes(13, 37)),
            (december_solstice(2024), at(2024, 12, 21) + minutes(9, 20)),
        ];
        for (got, want) in cases {
            assert!((got - want).abs() < minutes(0, 2), "{got} {want}");
        }
        // Meeus example 25.a: 1992 October 13.0 TD, apparent longitude 199°.90895.
        assert!((solar_longitude(2_448_908.5 - 59.0 / 86_400.0) - 199.908_95).abs() < 0.01);
        // Meeus example 47.a: 1992 April 12.0 TD, apparent longitude 133°.167265.
        assert!((lunar_longitude(2_448_724.5 - 59.0 / 86_400.0) - 133.167_265).abs() < 0.01);
    }
}
