/// Great-circle distance in kilometres between two points given in
/// degrees (the haversine formula on a sphere of the Earth's mean radius).
///
/// ```
/// use dateline_core::distance_km;
/// let baku_to_yerevan = distance_km(40.3777, 49.892, 40.1777, 44.5126);
/// assert!((baku_to_yerevan - 456.0).abs() < 10.0);
/// assert_eq!(distance_km(10.0, 20.0, 10.0, 20.0), 0.0);
/// ```
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}
