//! Entry requirements: what you need before you can start a position.
//!
//! A position lists its requirements as alternatives; meeting any one is
//! enough, and a position with none is open to anyone. Each alternative is
//! a conjunction of an age range, a minimum level already reached and "one
//! of these positions held before", which is as much as official entry
//! requirements say in a form a planner can check ("16 or over, with a
//! Level 3 and a job in construction").

use super::{Kind, Level, Network, PositionIndex};
use serde::{Deserialize, Serialize};

/// One way in to a position: every part that is set must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    /// The youngest age, in whole years, at which you can start.
    pub age: Option<u8>,
    /// The oldest age, in whole years, at which you can still start: 19
    /// for a T Level (16 to 19) lets you start until your 20th birthday.
    pub max_age: Option<u8>,
    /// The level you must already have reached ([`Kind::gives_level`]).
    pub level: Option<Level>,
    /// Positions of which you must have held at least one; empty for none.
    pub after: Vec<PositionIndex>,
}

/// Where someone stands on the way: their age, the highest level they have
/// reached and every position they have held.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// Age in years, fractions included; `None` when not known, which
    /// meets every age limit (a journey's steps are checked that way).
    pub age: Option<f32>,
    /// The highest level reached, with the position that gave it (`None`
    /// while it is Entry from nothing held).
    pub level: (Level, Option<PositionIndex>),
    /// Every position held so far, in the order held.
    pub held: Vec<PositionIndex>,
}

impl Standing {
    /// Someone of `age` who has held `held`, in order.
    pub fn new(network: &Network, age: Option<f32>, held: &[PositionIndex]) -> Standing {
        let mut standing = Standing {
            age,
            level: (Level::ENTRY, None),
            held: Vec::with_capacity(held.len() + 8),
        };
        for &p in held {
            standing.hold(network, p, 0.0);
        }
        standing
    }

    /// Holds `position` for `years`: it counts as held, its level as
    /// reached if it gives one, and the years as lived.
    pub fn hold(&mut self, network: &Network, position: PositionIndex, years: f32) {
        if let Some(p) = network.positions().get(position.get())
            && p.kind.gives_level()
            && p.level > self.level.0
        {
            self.level = (p.level, Some(position));
        }
        if !self.held.contains(&position) {
            self.held.push(position);
        }
        if let Some(age) = &mut self.age {
            *age += years;
        }
    }
}

/// How one requirement was met, for "why this route is possible".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Met {
    /// The position whose requirement this is.
    pub at: PositionIndex,
    /// The minimum age asked for, if any, with the age you would be then
    /// in whole years.
    pub age: Option<(u8, u8)>,
    /// The level asked for, with the position that gave it.
    pub level: Option<(Level, PositionIndex)>,
    /// The position held that satisfied `after`.
    pub after: Option<PositionIndex>,
}

/// What stands in the way of starting a position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unmet {
    /// Too young: the minimum age, and the age you would be, in whole years.
    Age { needs: u8, would_be: u8 },
    /// Too old: the oldest age to start, and the age you would be.
    TooOld { limit: u8, would_be: u8 },
    /// The level needed, and the level reached.
    Level { needs: Level, has: Level },
    /// None of these positions held.
    After(Vec<PositionIndex>),
}

impl Requirement {
    /// Whether `standing` meets this requirement; if not, the first part
    /// that fails.
    pub fn check(&self, standing: &Standing) -> Result<(), Unmet> {
        if let Some(age) = standing.age {
            // A small tolerance: 15.99 after summing fractions is 16.
            let would_be = (age + 1e-3).floor() as u8;
            if let Some(needs) = self.age.filter(|&needs| would_be < needs) {
                return Err(Unmet::Age { needs, would_be });
            }
            if let Some(limit) = self.max_age.filter(|&limit| would_be > limit) {
                return Err(Unmet::TooOld { limit, would_be });
            }
        }
        if let Some(needs) = self.level.filter(|&needs| standing.level.0 < needs) {
            return Err(Unmet::Level {
                needs,
                has: standing.level.0,
            });
        }
        if !self.after.is_empty() && !self.after.iter().any(|p| standing.held.contains(p)) {
            return Err(Unmet::After(self.after.clone()));
        }
        Ok(())
    }

    /// How `standing` meets this requirement for `at`; `None` if it does not.
    fn met(&self, at: PositionIndex, standing: &Standing) -> Option<Met> {
        self.check(standing).ok()?;
        Some(Met {
            at,
            age: self
                .age
                .zip(standing.age)
                .map(|(needs, age)| (needs, (age + 1e-3).floor() as u8)),
            level: self.level.zip(standing.level.1),
            after: self
                .after
                .iter()
                .copied()
                .find(|p| standing.held.contains(p)),
        })
    }
}

/// Whether `standing` may start `position`: `Ok` with how its requirements
/// were met (`None` when it has none), or `Err` with why not, taken from
/// the alternative that comes closest (the first, on a tie).
pub fn admits(
    network: &Network,
    position: PositionIndex,
    standing: &Standing,
) -> Result<Option<Met>, Unmet> {
    let Some(p) = network.positions().get(position.get()) else {
        return Ok(None);
    };
    let Some(first) = p.requires.first() else {
        return Ok(None);
    };
    if let Some(met) = p.requires.iter().find_map(|r| r.met(position, standing)) {
        return Ok(Some(met));
    }
    Err(first
        .check(standing)
        .err()
        .unwrap_or(Unmet::After(Vec::new())))
}

impl Kind {
    /// Whether finishing a position of this kind counts as reaching its
    /// level for entry requirements. Jobs, courses such as Skills Bootcamps
    /// (not regulated qualifications) and memberships do not.
    pub fn gives_level(self) -> bool {
        matches!(
            self,
            Kind::SchoolStage
                | Kind::Qualification
                | Kind::TLevel
                | Kind::Apprenticeship
                | Kind::Degree
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Sector, sample};

    fn network() -> Network {
        // 0 gcse (L2), 1 a levels (L3), 2 labourer job (L1), 3 degree (L6).
        let mut positions = vec![
            sample::position("gcse", Level::rqf(2).unwrap(), Sector::General),
            sample::position("a-levels", Level::rqf(3).unwrap(), Sector::General),
            sample::position("labourer", Level::rqf(1).unwrap(), Sector::Construction),
            sample::position("degree", Level::rqf(6).unwrap(), Sector::Construction),
        ];
        positions[2].kind = Kind::Job;
        positions[3].requires = vec![
            Requirement {
                level: Some(Level::rqf(3).unwrap()),
                ..Requirement::default()
            },
            Requirement {
                age: Some(21),
                after: vec![PositionIndex(2)],
                ..Requirement::default()
            },
        ];
        Network::new(positions, Vec::new(), Vec::new(), Vec::new()).unwrap()
    }

    #[test]
    fn a_level_reached_opens_the_first_alternative() {
        let network = network();
        let standing = Standing::new(&network, Some(18.0), &[PositionIndex(0), PositionIndex(1)]);
        let met = admits(&network, PositionIndex(3), &standing)
            .unwrap()
            .unwrap();
        assert_eq!(met.level, Some((Level::rqf(3).unwrap(), PositionIndex(1))));
        assert_eq!(met.after, None);
    }

    #[test]
    fn a_job_gives_no_level_but_can_meet_another_alternative() {
        let network = network();
        let young = Standing::new(&network, Some(19.0), &[PositionIndex(0), PositionIndex(2)]);
        assert_eq!(young.level.0, Level::rqf(2).unwrap());
        assert_eq!(
            admits(&network, PositionIndex(3), &young),
            Err(Unmet::Level {
                needs: Level::rqf(3).unwrap(),
                has: Level::rqf(2).unwrap()
            })
        );
        let older = Standing::new(&network, Some(21.0), &[PositionIndex(0), PositionIndex(2)]);
        let met = admits(&network, PositionIndex(3), &older).unwrap().unwrap();
        assert_eq!(met.after, Some(PositionIndex(2)));
        assert_eq!(met.age, Some((21, 21)));
    }

    #[test]
    fn ages_are_compared_after_adding_up_years() {
        let network = network();
        let mut standing = Standing::new(&network, Some(20.0), &[PositionIndex(2)]);
        let needs_21 = &network.position(PositionIndex(3)).requires[1];
        assert!(matches!(
            needs_21.check(&standing),
            Err(Unmet::Age {
                needs: 21,
                would_be: 20
            })
        ));
        for _ in 0..4 {
            standing.hold(&network, PositionIndex(2), 0.25);
        }
        assert_eq!(needs_21.check(&standing), Ok(()));
    }

    #[test]
    fn an_upper_age_limit_holds_until_the_next_birthday_and_unknown_ages_pass() {
        let network = network();
        let sixteen_to_nineteen = Requirement {
            age: Some(16),
            max_age: Some(19),
            ..Requirement::default()
        };
        let at = |age| Standing::new(&network, age, &[]);
        assert_eq!(sixteen_to_nineteen.check(&at(Some(19.75))), Ok(()));
        assert_eq!(
            sixteen_to_nineteen.check(&at(Some(20.0))),
            Err(Unmet::TooOld {
                limit: 19,
                would_be: 20
            })
        );
        assert_eq!(sixteen_to_nineteen.check(&at(None)), Ok(()));
    }

    #[test]
    fn no_requirements_admit_anyone() {
        let network = network();
        let standing = Standing::new(&network, Some(11.0), &[]);
        assert_eq!(admits(&network, PositionIndex(1), &standing), Ok(None));
    }
}
