//! One check per file. Each turns a part of a document into the model value,
//! or reports why it cannot and returns what is still usable.

pub mod colour;
pub mod dates;
pub mod id;
pub mod level;
pub mod lines;
pub mod links;
pub mod requirements;
pub mod salary;
pub mod steps;
