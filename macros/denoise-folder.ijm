// RestoreGAN batch denoising: every TIFF/PNG/JPEG of a folder, into a second folder.
// Runs in Fiji (with RestoreGAN installed), also headless:
//   ImageJ-linux64 --headless --console -macro denoise-folder.ijm "/path/in,/path/out"
// Parameters not named here keep their defaults (model of the task, tile 1024, overlap 128,
// device auto, percentiles 1 and 99.8), so no dialog opens.
args = getArgument();
if (args == "") {
	input = getDirectory("Folder of images to denoise");
	output = getDirectory("Folder for the results");
} else {
	parts = split(args, ",");
	input = parts[0] + File.separator;
	output = parts[1] + File.separator;
}
setBatchMode(true);
files = getFileList(input);
for (i = 0; i < files.length; i++) {
	name = files[i];
	if (!matches(toLowerCase(name), ".*\\.(tif|tiff|png|jpg|jpeg)$"))
		continue;
	open(input + name);
	source = getImageID();
	run("Denoise", "device=auto tile=1024 overlap=128");
	if (getImageID() == source) {
		print("RestoreGAN: " + name + " was not restored (see the log)");
	} else {
		saveAs("Tiff", output + File.getNameWithoutExtension(name) + "-denoised.tif");
		close();
	}
	selectImage(source);
	close();
	print("Denoised " + name + " (" + (i + 1) + "/" + files.length + ")");
}
setBatchMode(false);
