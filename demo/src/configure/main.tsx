/** Entry of configure.html. */
import { render } from "preact";
import "../ui/base.css";
import "./configure.css";
import { ConfigureApp } from "./configure-app.tsx";

render(<ConfigureApp />, document.getElementById("app")!);
