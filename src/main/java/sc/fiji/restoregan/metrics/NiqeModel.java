package sc.fiji.restoregan.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * A NIQE pristine model: the multivariate Gaussian (mean and covariance of
 * the {@value NiqeFeatures#COUNT} {@link NiqeFeatures}) of sharp patches of
 * clean images.
 * <p>
 * Models are found by name ({@link #resolve(String)}): {@value #LIVE} is the
 * model of the LIVE NIQE release (shipped in the class path under {@code
 * niqe/live/} with its licence notice); models fitted with
 * {@link #fit(String, Path)} are saved as {@code <name>.json} in
 * {@link #userDirectory()} and are then selectable by that name. A model can
 * also be given as a path: a {@code .json} file, or a folder holding {@code
 * niqe_pristine_mu.csv} (1x36) and {@code niqe_pristine_cov.csv} (36x36).
 * </p>
 */
public final class NiqeModel
{
	/** Name of the LIVE pristine model, the default. */
	public static final String LIVE = "live";

	/** Class-path folder of the shipped models. */
	public static final String ROOT = "niqe";

	/** File name of the mean in the CSV form. */
	public static final String MU_CSV = "niqe_pristine_mu.csv";

	/** File name of the covariance in the CSV form. */
	public static final String COV_CSV = "niqe_pristine_cov.csv";

	/** Shipped model names. */
	private static final List< String > SHIPPED = List.of( LIVE );

	/**
	 * Fraction of an image's sharpest patch a patch must exceed to enter a
	 * fitted model ({@code estimatemodelparam(..., 0.75)} in the LIVE
	 * release).
	 */
	public static final double SHARPNESS_THRESHOLD = 0.75;

	/** The model's name. */
	public final String name;

	/** Where it came from (images, patches, source). */
	public final String description;

	/** Mean feature vector. */
	public final double[] mu;

	/** Feature covariance (sample, N - 1). */
	public final double[][] cov;

	/**
	 * @throws IllegalArgumentException unless mu has {@value NiqeFeatures#COUNT}
	 *             finite values and cov is a symmetric matrix of that size
	 */
	public NiqeModel( final String name, final String description, final double[] mu, final double[][] cov )
	{
		final int n = NiqeFeatures.COUNT;
		if ( mu.length != n || cov.length != n || Arrays.stream( cov ).anyMatch( r -> r.length != n ) )
			throw new IllegalArgumentException( "A NIQE model needs a mean of " + n + " values and a " + n + "x" + n + " covariance" );
		for ( int i = 0; i < n; i++ )
		{
			if ( !Double.isFinite( mu[ i ] ) )
				throw new IllegalArgumentException( "The model mean has a non-finite value at " + i );
			for ( int j = 0; j < n; j++ )
				if ( !Double.isFinite( cov[ i ][ j ] ) || Math.abs( cov[ i ][ j ] - cov[ j ][ i ] ) > 1e-9 * ( Math.abs( cov[ i ][ j ] ) + 1e-300 ) )
					throw new IllegalArgumentException( "The model covariance is not finite and symmetric at (" + i + ", " + j + ")" );
		}
		this.name = name;
		this.description = description;
		this.mu = mu;
		this.cov = cov;
	}

	// -- Finding models --

	/**
	 * The model called {@code nameOrPath}: an existing {@code .json} file or
	 * CSV folder, a shipped model, or a fitted model in
	 * {@link #userDirectory()}.
	 *
	 * @throws RestoreException if there is none, naming the available ones
	 */
	public static NiqeModel resolve( final String nameOrPath )
	{
		final String key = nameOrPath == null || nameOrPath.isBlank() ? LIVE : nameOrPath.trim();
		if ( SHIPPED.contains( key ) )
			return shipped( key );
		final Path path = Paths.get( key );
		if ( Files.exists( path ) )
			return load( path );
		final Path user = userDirectory().resolve( key + ".json" );
		if ( Files.isRegularFile( user ) )
			return load( user );
		throw new RestoreException( "No NIQE model called '" + key + "'. Available: " + String.join( ", ", available() )
				+ " (or give a .json file; fit one with 'restoregan metrics fit-niqe')." );
	}

	/** Names of the shipped models and of those in {@link #userDirectory()}. */
	public static List< String > available()
	{
		final List< String > names = new ArrayList<>( SHIPPED );
		final Path dir = userDirectory();
		if ( Files.isDirectory( dir ) )
			try ( Stream< Path > files = Files.list( dir ) )
			{
				names.addAll( files.map( p -> p.getFileName().toString() ).filter( f -> f.endsWith( ".json" ) )
						.map( f -> f.substring( 0, f.length() - 5 ) ).collect( Collectors.toCollection( TreeSet::new ) ) );
			}
			catch ( final IOException e )
			{
				// NB: an unreadable folder just lists no user models.
			}
		return names;
	}

	/**
	 * Folder of user-fitted models: the system property {@code
	 * restoregan.niqe.models} if set, else {@code ~/.restoregan/niqe-models}.
	 */
	public static Path userDirectory()
	{
		final String dir = System.getProperty( "restoregan.niqe.models" );
		return dir != null ? Paths.get( dir ) : Paths.get( System.getProperty( "user.home" ), ".restoregan", "niqe-models" );
	}

	/** A shipped model, read from the class path. */
	private static NiqeModel shipped( final String name )
	{
		final String dir = ROOT + "/" + name + "/";
		try
		{
			final double[][] mu = readCsv( resource( dir + MU_CSV ) );
			final double[][] cov = readCsv( resource( dir + COV_CSV ) );
			return new NiqeModel( name, "LIVE NIQE release pristine model (Mittal, Soundararajan, Bovik 2013), see niqe/live/NOTICE.txt", mu[ 0 ], cov );
		}
		catch ( final IOException e )
		{
			throw new IllegalStateException( "The shipped NIQE model '" + name + "' is unreadable", e );
		}
	}

	private static Reader resource( final String path ) throws IOException
	{
		final InputStream in = NiqeModel.class.getClassLoader().getResourceAsStream( path );
		if ( in == null )
			throw new IOException( "Missing class-path resource " + path );
		return new InputStreamReader( in, StandardCharsets.UTF_8 );
	}

	// -- Fitting --

	/**
	 * Fits a pristine model to the clean images of a folder (TIFF, PNG, JPEG;
	 * every 2D plane of each; each plane scaled from its own minimum..maximum
	 * to 0..255), keeping per plane the patches sharper than
	 * {@value #SHARPNESS_THRESHOLD} of its sharpest, as the LIVE release's
	 * {@code estimatemodelparam.m}.
	 *
	 * @throws RestoreException if the folder has no usable image or the
	 *             patches do not give a positive-definite covariance
	 */
	public static NiqeModel fit( final String name, final Path folder )
	{
		final List< Path > files;
		try ( Stream< Path > list = Files.list( folder ) )
		{
			files = list.filter( p -> p.getFileName().toString().toLowerCase( Locale.ROOT ).matches( ".*\\.(tiff?|png|jpe?g)" ) ).sorted().collect( Collectors.toList() );
		}
		catch ( final IOException e )
		{
			throw new RestoreException( "Cannot list the folder " + folder + ": " + e.getMessage(), e );
		}
		final List< double[] > rows = new ArrayList<>();
		int planes = 0;
		for ( final Path file : files )
			for ( final DoublePlane plane : DoublePlane.planes( ImageFiles.read( file ) ) )
			{
				final double min = plane.min(), range = plane.max() - min;
				if ( plane.width < NiqeFeatures.MIN_SIZE || plane.height < NiqeFeatures.MIN_SIZE || !( range > 0 ) )
					continue;
				final NiqeFeatures f = NiqeFeatures.of( plane.affine( min, 255 / range ), BicubicResize.Border.SYMMETRIC );
				final double max = Arrays.stream( f.sharpness() ).max().orElse( 0 );
				for ( int p = 0; p < f.rows().length; p++ )
					if ( f.sharpness()[ p ] > SHARPNESS_THRESHOLD * max )
						rows.add( f.rows()[ p ] );
				planes++;
			}
		if ( planes == 0 )
			throw new RestoreException( "No image in " + folder + " is usable for a NIQE model (at least " + NiqeFeatures.MIN_SIZE + "x" + NiqeFeatures.MIN_SIZE + " pixels, not constant)." );
		final NiqeModel model = of( name, "fitted to " + rows.size() + " sharp patches of " + planes + " image planes in " + folder.getFileName(), rows.toArray( double[][]::new ) );
		if ( !model.isPositiveDefinite() )
			throw new RestoreException( "The " + rows.size() + " patches of " + folder + " give a singular covariance; fit on more or larger images (at least "
					+ ( NiqeFeatures.COUNT + 1 ) + " sharp patches)." );
		return model;
	}

	/**
	 * The Gaussian of feature rows: their mean and sample covariance, rows
	 * with a non-finite value left out (MATLAB's {@code nanmean} and {@code
	 * nancov} on complete rows).
	 *
	 * @throws IllegalArgumentException if fewer than two rows are finite
	 */
	public static NiqeModel of( final String name, final String description, final double[][] rows )
	{
		final double[][] ok = Arrays.stream( rows ).filter( r -> Arrays.stream( r ).allMatch( Double::isFinite ) ).toArray( double[][]::new );
		if ( ok.length < 2 )
			throw new IllegalArgumentException( "At least two patches with finite features are needed, got " + ok.length + " of " + rows.length );
		final int n = NiqeFeatures.COUNT;
		final double[] mu = new double[ n ];
		for ( final double[] r : ok )
			for ( int i = 0; i < n; i++ )
				mu[ i ] += r[ i ] / ok.length;
		final double[][] cov = new double[ n ][ n ];
		for ( final double[] r : ok )
			for ( int i = 0; i < n; i++ )
				for ( int j = i; j < n; j++ )
					cov[ i ][ j ] += ( r[ i ] - mu[ i ] ) * ( r[ j ] - mu[ j ] );
		for ( int i = 0; i < n; i++ )
			for ( int j = i; j < n; j++ )
				cov[ j ][ i ] = cov[ i ][ j ] /= ok.length - 1;
		return new NiqeModel( name, description, mu, cov );
	}

	/** Whether the covariance is positive definite (smallest eigenvalue above 0). */
	public boolean isPositiveDefinite()
	{
		return SymmetricEigen.of( cov ).min() > 0;
	}

	// -- Saving and loading --

	/**
	 * Saves the model: as JSON if the path ends in {@code .json}, else as the
	 * two CSV files in the folder {@code path}.
	 */
	public void save( final Path path ) throws IOException
	{
		final Path abs = path.toAbsolutePath();
		if ( abs.toString().endsWith( ".json" ) )
		{
			Files.createDirectories( abs.getParent() );
			try ( Writer w = Files.newBufferedWriter( abs, StandardCharsets.UTF_8 ) )
			{
				new GsonBuilder().setPrettyPrinting().create().toJson( new Json( this ), w );
			}
			return;
		}
		Files.createDirectories( abs );
		Files.writeString( abs.resolve( MU_CSV ), csvRow( mu ) + "\n" );
		final StringBuilder sb = new StringBuilder();
		for ( final double[] row : cov )
			sb.append( csvRow( row ) ).append( '\n' );
		Files.writeString( abs.resolve( COV_CSV ), sb );
	}

	/** Saves the model as {@code <name>.json} in {@link #userDirectory()}, returning the file. */
	public Path saveToUserDirectory() throws IOException
	{
		final Path file = userDirectory().resolve( name + ".json" );
		save( file );
		return file;
	}

	/**
	 * Loads a model saved by {@link #save(Path)}: a {@code .json} file or a
	 * folder of the two CSV files.
	 *
	 * @throws RestoreException if it is missing or malformed
	 */
	public static NiqeModel load( final Path path )
	{
		try
		{
			if ( Files.isDirectory( path ) )
			{
				final double[][] mu, cov;
				try ( Reader m = Files.newBufferedReader( path.resolve( MU_CSV ) ); Reader c = Files.newBufferedReader( path.resolve( COV_CSV ) ) )
				{
					mu = readCsv( m );
					cov = readCsv( c );
				}
				return new NiqeModel( path.getFileName().toString(), "loaded from " + path, mu[ 0 ], cov );
			}
			try ( Reader r = Files.newBufferedReader( path, StandardCharsets.UTF_8 ) )
			{
				final Json j = new Gson().fromJson( r, Json.class );
				if ( j == null || j.mu == null || j.cov == null )
					throw new IllegalArgumentException( "no 'mu' and 'cov'" );
				return new NiqeModel( j.name == null ? path.getFileName().toString() : j.name, j.description == null ? "" : j.description, j.mu, j.cov );
			}
		}
		catch ( final IOException | JsonParseException | IllegalArgumentException e )
		{
			throw new RestoreException( "Cannot read the NIQE model " + path + ": " + e.getMessage(), e );
		}
	}

	private static double[][] readCsv( final Reader reader ) throws IOException
	{
		final List< double[] > rows = new ArrayList<>();
		try ( BufferedReader in = new BufferedReader( reader ) )
		{
			String line;
			while ( ( line = in.readLine() ) != null )
				if ( !line.isBlank() )
					rows.add( Arrays.stream( line.split( "," ) ).mapToDouble( s -> Double.parseDouble( s.trim() ) ).toArray() );
		}
		catch ( final NumberFormatException e )
		{
			throw new IOException( "not a numeric CSV (" + e.getMessage() + ")", e );
		}
		if ( rows.isEmpty() )
			throw new IOException( "empty CSV" );
		return rows.toArray( double[][]::new );
	}

	private static String csvRow( final double[] values )
	{
		return Arrays.stream( values ).mapToObj( Double::toString ).collect( Collectors.joining( "," ) );
	}

	/** The JSON form. */
	private static final class Json
	{
		String name;

		String description;

		double[] mu;

		double[][] cov;

		Json()
		{}

		Json( final NiqeModel m )
		{
			name = m.name;
			description = m.description;
			mu = m.mu;
			cov = m.cov;
		}
	}
}
