//! The routes planned for the current question, shared by every panel that
//! shows them (the route planner, the map, the presenter): panels read this
//! state, never each other.

use super::data::Shared;
use super::state::MapState;
use crate::route::{Constraints, NoRoute, RoutePlan, RouteQuery, plan};
use leptos::prelude::*;

/// The routes for the current choices: `None` until both ends are chosen.
pub type PlannedRoutes = Memo<Option<Result<RoutePlan, NoRoute>>>;

/// Plans whenever an end, the criterion or a constraint changes.
pub fn planned_routes(data: Shared, state: MapState) -> PlannedRoutes {
    // Always "changed": comparing plans would add their equality code to
    // the bundle, and a new plan is only made when an input changed.
    Memo::new_with_compare(
        move |_| {
            let route = state.route;
            let (from, to) = (route.from.get()?, route.to.get()?);
            let query = RouteQuery {
                criterion: route.criterion.get(),
                alternatives: crate::route::MAX_ALTERNATIVES,
                constraints: Constraints {
                    no_university: route.no_university.get(),
                    ..Constraints::default()
                },
                age: u8::try_from(route.age.get()).ok(),
                has: Vec::new(),
            };
            Some(plan(&data.graph, from, to, &query))
        },
        |_, _| true,
    )
}
