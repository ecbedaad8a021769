import { everyRouteRefusesHostileInputAs } from "../helpers/hostile-input";

everyRouteRefusesHostileInputAs(null);
